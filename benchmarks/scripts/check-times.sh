#!/usr/bin/env bash
# Wall time of a cold `carrier-rules check` and `carrier-rules test` on a fresh copy of the bundled policy (whose
# stages the library's build compiled: nothing is compiled), on a copy with one rule taken out (its assessment stage
# is compiled at start, as after any staff edit of it; `test` then reports the scenarios of that rule failing), and
# of `check` on the copy with a rule file of 1 MB of comment lines (`//* … /* … */`, the kind Drools' comment removal
# took minutes over), N runs each; prints each time, the minimum and the median, with the load average before and after.
# Usage: benchmarks/scripts/check-times.sh [RUNS] [JAR | LAUNCHER...]
#   benchmarks/scripts/check-times.sh 5                         # java -jar samples/target/carrier-rules.jar
#   benchmarks/scripts/check-times.sh 5 other/carrier-rules.jar # another build's jar, to compare two versions
#   benchmarks/scripts/check-times.sh 5 samples/carrier-rules   # the launcher script (AppCDS)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
shift || true
if [ $# -eq 0 ]; then
  set -- java -jar samples/target/carrier-rules.jar
elif [ $# -eq 1 ] && [[ $1 == *.jar ]]; then
  set -- java -jar "$1"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The launcher's first run after a build records its class-data archive: this one, not one that is measured.
"$@" init "$work/policy" > /dev/null
cp -r "$work/policy" "$work/comments"
cp -r "$work/policy" "$work/edited"
python3 - "$work/edited/rules/materials/scans.dslr" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
with open(path, "w", encoding="utf-8") as f:
    f.write(text[:text.rindex('rule "')])
PY
python3 - "$work/comments/rules/materials/comments.dslr" <<'PY'
import sys
line = "//* a comment line, /* as Drools' comment removal met them */\n"
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(line * (1_000_000 // len(line) + 1))
PY
measure() {
  local name=$1 command=$2 dir=$3 times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "${launcher[@]}" "$command" "$dir" > /dev/null || true
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000000 ))")
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  echo "$name: runs (ms) ${times[*]}; min $(echo "$sorted" | head -1), median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")"
}
launcher=("$@")
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "comment file: $(wc -c < "$work/comments/rules/materials/comments.dslr") bytes"
measure "check, bundled policy" check "$work/policy"
measure "test, bundled policy" test "$work/policy"
measure "check, one rule taken out" check "$work/edited"
measure "test, one rule taken out" test "$work/edited"
measure "check, with 1 MB of comment lines" check "$work/comments"
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
