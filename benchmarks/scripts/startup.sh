#!/usr/bin/env bash
# Wall time from JVM start to the end of `carrier-rules assess` on the bundled round's sample file
# (27 applications: the output is printed at the end, so the end is when the first assessment
# appears). Runs the command N times and prints each time, then the minimum and the median, with
# the machine's load average before and after: on a shared machine read the minimum, and re-run
# when the load is high. Usage: benchmarks/scripts/startup.sh [RUNS] [LAUNCHER...]
#   benchmarks/scripts/startup.sh 10                                 # java -jar samples/target/carrier-rules.jar
#   benchmarks/scripts/startup.sh 10 samples/target/carrier-rules    # the launcher script (AppCDS)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
shift || true
if [ $# -eq 0 ]; then
  set -- java -jar samples/target/carrier-rules.jar
fi
input=samples/data/luohu-2024/applications.json
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$@" assess "$input" > /dev/null
  end=$(date +%s%N)
  times+=("$(( (end - start) / 1000000 ))")
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "runs (ms): ${times[*]}"
echo "min $(echo "$sorted" | head -1) ms, median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms"
