#!/usr/bin/env bash
# Wall time from JVM start to the end of `carrier-rules assess` on the bundled round's sample file
# (27 applications: the output is printed at the end, so the end is when the first assessment
# appears), beside the same for a trivial Java program (compiled here, printing "[]"), run by the same
# JVM and timed the same way: the reference that start-up is measured against (issue 15: `java -jar`
# within 15 times it, the launcher within 6 times). The commands take turns, run by run, so that each
# sees the same machine; prints each one's times, minimum and median, the ratio of the medians to the
# reference's, and the load average before and after. Usage: benchmarks/scripts/startup.sh [RUNS] [LAUNCHER...]
#   benchmarks/scripts/startup.sh 10                            # the reference, java -jar, and samples/carrier-rules
#   benchmarks/scripts/startup.sh 10 samples/carrier-rules      # the reference and the one launcher given
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
shift || true
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
input=samples/data/luohu-2024/applications.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/Trivial.java" <<'JAVA'
public class Trivial {
    public static void main(String[] args) {
        System.out.println("[]");
    }
}
JAVA
"$javac" -d "$work" "$work/Trivial.java"

names=("trivial Java program")
commands=("$java -cp $work Trivial")
if [ $# -eq 0 ]; then
  names+=("java -jar samples/target/carrier-rules.jar assess" "samples/carrier-rules assess")
  commands+=("$java -jar samples/target/carrier-rules.jar assess $input" "samples/carrier-rules assess $input")
  # The launcher's first run after a build records its class-data archive: not a start to measure.
  samples/carrier-rules assess "$input" > /dev/null
else
  names+=("$* assess")
  commands+=("$* assess $input")
fi

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A times
for _ in $(seq "$runs"); do
  for i in "${!commands[@]}"; do
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    ${commands[$i]} > /dev/null
    end=$(date +%s%N)
    times[$i]="${times[$i]:-} $(( (end - start) / 1000000 ))"
  done
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
reference=
for i in "${!commands[@]}"; do
  sorted=$(printf '%s\n' ${times[$i]} | sort -n)
  median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  reference=${reference:-$median}
  ratio=$(awk -v m="$median" -v r="$reference" 'BEGIN { printf "%.1f", m / r }')
  echo "${names[$i]}: runs (ms)${times[$i]}; min $(echo "$sorted" | head -1) ms, median $median ms, ${ratio}× the reference"
done
