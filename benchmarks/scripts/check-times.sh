#!/usr/bin/env bash
# Wall time of `carrier-rules check` on a fresh copy of the bundled policy, and on the same copy with a
# rule file of 1 MB of comment lines (`//* … /* … */`, the kind Drools' comment removal took minutes over),
# N runs each; prints each time, the minimum and the median, with the load average before and after.
# Usage: benchmarks/scripts/check-times.sh [RUNS] [JAR]   (JAR defaults to samples/target/carrier-rules.jar;
# give another build's jar to compare two versions in one run)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
jar=${2:-samples/target/carrier-rules.jar}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar "$jar" init "$work/policy" > /dev/null
cp -r "$work/policy" "$work/comments"
python3 - "$work/comments/rules/materials/comments.dslr" <<'PY'
import sys
line = "//* a comment line, /* as Drools' comment removal met them */\n"
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(line * (1_000_000 // len(line) + 1))
PY
measure() {
  local name=$1 dir=$2 times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    java -jar "$jar" check "$dir" > /dev/null || true
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000000 ))")
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  echo "$name: runs (ms) ${times[*]}; min $(echo "$sorted" | head -1), median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "comment file: $(wc -c < "$work/comments/rules/materials/comments.dslr") bytes"
measure "check, bundled policy" "$work/policy"
measure "check, with 1 MB of comment lines" "$work/comments"
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
