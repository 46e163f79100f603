#!/usr/bin/env bash
# Two builds of this repository side by side, run by run in turn so that both see the same machine: the wall time
# of `assess` of the bundled round's sample file through `java -jar` and through the launcher, and of a cold `check`
# and `test` of a fresh copy of the bundled policy through the launcher; prints each one's times and median, with
# the load average before and after. OTHER is another checkout, built with `mvn -B -q package -DskipTests`, e.g.
#   git worktree add /tmp/before 8119fd1 && (cd /tmp/before && mvn -B -q package -DskipTests)
# Usage: benchmarks/scripts/compare-builds.sh OTHER [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
other=$(cd "$1" && pwd)
runs=${2:-5}
here=$(pwd)
input=$here/samples/data/luohu-2024/applications.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
samples/carrier-rules init "$work/copy" > /dev/null
# Each launcher's first run after a build records its class-data archive: not a start to measure.
"$other/samples/carrier-rules" --help > /dev/null 2>&1 || true
samples/carrier-rules --help > /dev/null 2>&1 || true
declare -A times
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$runs"); do
  for build in "$other" "$here"; do
    for what in "java -jar, assess" "launcher, assess" "launcher, check" "launcher, test"; do
      case $what in
        "java -jar, assess") command=(java -jar "$build/samples/target/carrier-rules.jar" assess "$input") ;;
        "launcher, assess") command=("$build/samples/carrier-rules" assess "$input") ;;
        "launcher, check") command=("$build/samples/carrier-rules" check "$work/copy") ;;
        "launcher, test") command=("$build/samples/carrier-rules" test "$work/copy") ;;
      esac
      start=$(date +%s%N)
      "${command[@]}" > /dev/null 2>&1 || true
      end=$(date +%s%N)
      times["$build|$what"]="${times["$build|$what"]:-} $(( (end - start) / 1000000 ))"
    done
  done
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
for build in "$other" "$here"; do
  for what in "java -jar, assess" "launcher, assess" "launcher, check" "launcher, test"; do
    sorted=$(printf '%s\n' ${times["$build|$what"]} | sort -n)
    echo "$build, $what: runs (ms)${times["$build|$what"]}; median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms"
  done
done
