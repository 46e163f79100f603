#!/usr/bin/env bash
# How the cost grows with the work (docs/performance.md, "Cost as work grows"): a round of 10,000 and of 100,000
# applications through allocate (backfill on), and the supervision review of 10,000 and 100,000 carriers, in one JVM;
# the median of RUNS runs of each, and the growth exponent log(t2/t1)/log(10), with the load average before and after.
# Usage: benchmarks/scripts/growth.sh [RUNS]   (needs `mvn -B -q package -DskipTests` first)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp benchmarks/target/benchmarks.jar org.carrierrules.bench.Growth "$runs"
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
