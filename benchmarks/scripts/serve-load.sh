#!/usr/bin/env bash
# Requests per second and latency (p50, p99) of the decision service (`carrier-rules serve`) on the loopback
# address, measured with wrk: one application per request to POST /v1/assessments
# (samples/data/one-application.json, an application to be supplemented: two findings), CONNECTIONS connections on 2 wrk threads for SECONDS seconds after a warm-up of the same
# length. wrk runs on the same machine as the service and takes its share of the cores.
# Usage: benchmarks/scripts/serve-load.sh [SECONDS] [CONNECTIONS] [LAUNCHER...]
#   benchmarks/scripts/serve-load.sh 20 8                 # java -jar samples/target/carrier-rules.jar serve
#   benchmarks/scripts/serve-load.sh 20 8 samples/carrier-rules
# Needs `mvn -B -q package -DskipTests` first, and wrk (Debian: apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
connections=${2:-8}
shift 2 || shift $# || true
if [ $# -eq 0 ]; then
  set -- java -jar samples/target/carrier-rules.jar
fi
if ! command -v wrk > /dev/null; then
  echo "需要 wrk（Debian：apt-get install -y wrk）" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'kill "$server" 2> /dev/null || true; wait "$server" 2> /dev/null || true; rm -rf "$work"' EXIT

body=samples/data/one-application.json
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = io.open("$body", "rb")
wrk.body = file:read("*a")
file:close()
LUA

"$@" serve --port 0 > "$work/out.txt" 2> "$work/err.txt" &
server=$!
for _ in $(seq 120); do
  grep -q '端口' "$work/out.txt" && break
  kill -0 "$server" 2> /dev/null || { cat "$work/err.txt" >&2; exit 1; }
  sleep 0.5
done
port=$(grep -o '端口 [0-9]*' "$work/out.txt" | grep -o '[0-9]*')
url="http://127.0.0.1:$port/v1/assessments"
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary "@$body" "$url")
[ "$status" = 200 ] || { echo "the service answered HTTP $status to the body" >&2; exit 1; }

# The JVM's own process, also when a launcher script started it.
jvm=$server
if [ "$(cat /proc/$server/comm)" != java ]; then
  jvm=$(pgrep -P "$server" java | head -1)
fi
# CPU time the service spent (user + system, clock ticks): unlike requests/s it hardly moves when other
# programs share the cores, so it is the figure to compare across runs on a busy machine.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$jvm/stat"; }

wrk -t2 -c"$connections" -d"${seconds}s" -s "$work/post.lua" "$url" > /dev/null
load=$(cut -d' ' -f1-3 /proc/loadavg)
before=$(cpu_ticks)
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "$url" > "$work/wrk.txt"
after=$(cpu_ticks)
cat "$work/wrk.txt"
rate=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.txt")
requests=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
p50=$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")
p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
errors=$(awk '/Non-2xx|Socket errors/' "$work/wrk.txt")
cpu_us=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
echo "requests/s: $rate   p50: $p50   p99: $p99   service CPU per request: ${cpu_us} µs   connections: $connections   (load before: $load)${errors:+   $errors}"
