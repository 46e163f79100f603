#!/usr/bin/env bash
# The staff loop: how long after a saved file `check DIR --watch` (or `test DIR --watch`) has printed what
# changed. Starts the command on a fresh copy of the bundled policy, then RUNS times saves a rule file,
# alternately with a misspelt sentence (one new problem; test: the policy cannot load) and put right with a
# rule more than any save before (so that its stage is compiled again; test: the scenarios run), and
# measures from the save to the end of the command's report of it (its "（用时 …）" line). Prints each
# latency, the minimum and the median, with the load average before and after.
# Usage: benchmarks/scripts/watch-latency.sh [RUNS] [check|test] [LAUNCHER...]
#   benchmarks/scripts/watch-latency.sh 10 check                  # java -jar samples/target/carrier-rules.jar
#   benchmarks/scripts/watch-latency.sh 10 test samples/carrier-rules
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
command=${2:-check}
shift 2 || shift $# || true
if [ $# -eq 0 ]; then
  set -- java -jar samples/target/carrier-rules.jar
fi
work=$(mktemp -d)
watcher=
trap '[ -n "$watcher" ] && kill "$watcher" 2> /dev/null; wait 2> /dev/null; [ -n "${KEEP:-}" ] && cp "$work/out.txt" "$KEEP"; rm -rf "$work"' EXIT
"$@" init "$work/policy" > /dev/null
file="$work/policy/rules/eligibility/eligibility.dslr"
cp "$file" "$work/right.dslr"
sed '0,/申请单位未依法设立$/s//申请单位未依法设力/' "$work/right.dslr" > "$work/misspelt.dslr"
cmp -s "$work/right.dslr" "$work/misspelt.dslr" && { echo "the sentence to misspell is not in $file" >&2; exit 1; }

"$@" "$command" "$work/policy" --watch > "$work/out.txt" 2> "$work/err.txt" &
watcher=$!
until grep -q '按 Ctrl-C 结束' "$work/out.txt"; do
  kill -0 "$watcher" 2> /dev/null || { cat "$work/err.txt" >&2; exit 1; }
  sleep 0.05
done
reports() { grep -c '^（用时 ' "$work/out.txt" || true; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
times=()
for i in $(seq "$runs"); do
  sleep 0.5
  before=$(reports)
  if [ $((i % 2)) -eq 1 ]; then
    cp "$work/misspelt.dslr" "$work/next.dslr"
  else
    cp "$work/right.dslr" "$work/next.dslr"
    # One rule more than the save before: the generated rules differ (a rule's name or message alone would not).
    for copy in $(seq $((i / 2))); do
      printf '\nrule "申请单位未依法设立（%s）"\n    @clause("二")\nwhen\n    申请单位未依法设立\nthen\n    不予受理，代码 NOT_LEGALLY_ESTABLISHED：申请单位未依法设立\nend\n' "$copy" >> "$work/next.dslr"
    done
  fi
  start=$(date +%s%N)
  cp "$work/next.dslr" "$file"
  while [ "$(reports)" -eq "$before" ]; do
    sleep 0.005
  done
  end=$(date +%s%N)
  times+=("$(( (end - start) / 1000000 ))")
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "$command --watch, save to report (ms): ${times[*]}; min $(echo "$sorted" | head -1), median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")"
broken=$(printf '%s\n' "${times[@]}" | awk 'NR % 2 == 1' | sort -n)
compiled=$(printf '%s\n' "${times[@]}" | awk 'NR % 2 == 0' | sort -n)
echo "  saves that break a rule: median $(echo "$broken" | sed -n "$(( ($(echo "$broken" | wc -l) + 1) / 2 ))p") ms; saves that compile the stage again: median $(echo "$compiled" | sed -n "$(( ($(echo "$compiled" | wc -l) + 1) / 2 ))p") ms"
echo "the command's own timing of each run:"
grep '^（用时 ' "$work/out.txt" | tr '\n' ' '
echo
