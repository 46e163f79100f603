#!/usr/bin/env bash
# End-to-end time of `assess` on a file of 100,000 generated applications (ApplicationMix, fixed
# seed; about 150 MB of JSON), from JVM start to the last entry written, RUNS times, with the load
# average beside each run. The file is above the command's default read limits (32M, 10,000
# records), which are raised for it. Usage: benchmarks/scripts/cli-100k.sh [RUNS] [LAUNCHER...]
#   benchmarks/scripts/cli-100k.sh 3                                 # java -jar samples/target/carrier-rules.jar
#   benchmarks/scripts/cli-100k.sh 3 samples/carrier-rules           # the launcher script
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
shift || true
if [ $# -eq 0 ]; then
  set -- java -jar samples/target/carrier-rules.jar
fi
input=${TMPDIR:-/tmp}/carrier-rules-100k.json
if [ ! -f "$input" ]; then
  java -cp benchmarks/target/benchmarks.jar org.carrierrules.bench.ApplicationMix 100000 "$input"
fi
for _ in $(seq "$runs"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s%N)
  "$@" assess --max-bytes 256M --max-records 100000 "$input" > /dev/null
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) ms   (load before: $load)"
done
