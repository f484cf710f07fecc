#!/usr/bin/env bash
# Load test of `foresight serve` beside nginx, on loopback (docs/benchmarks.md,
# "Scoring service"). Builds a registry from the sample data (aw-revenue: v1
# ets = champion, v2 theta), then, in one run:
#   1. nginx (one worker, access log off) serves the service's exact JSON bytes
#      as a static file: wrk for DURATION seconds;
#   2. foresight serve answers the same cached GET forecast: wrk for DURATION
#      seconds while bench_serving watches the served version on its own
#      connection, and halfway through v2 is promoted. Reports requests/s,
#      p50/p99, errors, versions seen, and the server's CPU time and peak RSS.
#
#   bench/serving_load.sh [BUILD_DIR]          (default build/release)
#   DURATION=60 CONNECTIONS=32 THREADS=1 SERVE_PORT=18480 NGINX_PORT=18481
set -euo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-$SRC/build/release}" && pwd)
DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
SERVE_PORT=${SERVE_PORT:-18480}
NGINX_PORT=${NGINX_PORT:-18481}
FORESIGHT=$BUILD/app/cli/foresight
OBSERVER=$BUILD/bench/bench_serving
LUA=$SRC/bench/wrk/count_versions.lua
for tool in "$FORESIGHT" "$OBSERVER" /usr/bin/wrk /usr/sbin/nginx curl; do
  command -v "$tool" >/dev/null || { echo "serving_load.sh: $tool is missing" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/foresight-serving-load.XXXXXX)
chmod 755 "$WORK"  # nginx workers run as an unprivileged user when started by root
SERVE_PID="" NGINX_PID="" OBSERVER_PID=""
cleanup() {
  for pid in $OBSERVER_PID $NGINX_PID $SERVE_PID; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Waits (at most 10 s) until URL answers 200.
wait_up() {
  for _ in $(seq 100); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "serving_load.sh: $1 did not come up" >&2
  exit 1
}
# utime+stime of a process in seconds, and its peak RSS in KiB.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
peak_rss_kib() { awk '/VmHWM/ { print $2 }' "/proc/$1/status"; }

echo "== fixture in $WORK"
cd "$WORK"
export FORESIGHT_REGISTRY="sqlite://$WORK/registry.db"
"$FORESIGHT" data sample --out aw --seed 42 >/dev/null 2>&1
"$FORESIGHT" data series aw --measure revenue --freq D --out daily.csv 2>/dev/null
"$FORESIGHT" fit --data daily.csv --model ets --out ets.json >/dev/null 2>&1
"$FORESIGHT" fit --data daily.csv --model theta --out theta.json >/dev/null 2>&1
"$FORESIGHT" registry push --name aw-revenue --model ets.json 2>/dev/null >/dev/null
"$FORESIGHT" registry push --name aw-revenue --model theta.json 2>/dev/null >/dev/null
"$FORESIGHT" registry promote aw-revenue 1 --expect none >/dev/null

"$FORESIGHT" serve --port "$SERVE_PORT" --reload-interval 1 2>/dev/null &
SERVE_PID=$!
PATH_Q="/v1/models/aw-revenue/forecast?horizon=30"
wait_up "http://127.0.0.1:$SERVE_PORT/v1/health"
mkdir -p www nginx
curl -sf -o www/forecast.json "http://127.0.0.1:$SERVE_PORT$PATH_Q"
cat > nginx/nginx.conf <<NGINX
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { root $WORK/www; default_type application/json; }
  }
}
NGINX
/usr/sbin/nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX_PID=$!
wait_up "http://127.0.0.1:$NGINX_PORT/forecast.json" || { cat "$WORK/nginx/error.log" >&2; exit 1; }
curl -sf "http://127.0.0.1:$NGINX_PORT/forecast.json" | cmp - www/forecast.json
echo "same JSON bytes from both: $(wc -c < www/forecast.json) bytes, 30 records"

WRK=(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$LUA")
echo "== nginx: ${WRK[*]}"
"${WRK[@]}" "http://127.0.0.1:$NGINX_PORT/forecast.json" > wrk-nginx.txt
kill -TERM "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""

echo "== foresight serve: same wrk, v2 promoted after $((DURATION / 2)) s"
cpu_before=$(cpu_seconds "$SERVE_PID")
"$OBSERVER" --url "http://127.0.0.1:$SERVE_PORT$PATH_Q" --seconds "$DURATION" --interval-ms 5 > observer.txt &
OBSERVER_PID=$!
"${WRK[@]}" "http://127.0.0.1:$SERVE_PORT$PATH_Q" > wrk-serve.txt &
WRK_PID=$!
sleep $((DURATION / 2))
"$FORESIGHT" registry promote aw-revenue 2 --expect 1 --reason "load test"
wait "$WRK_PID"
observer_status=0
wait "$OBSERVER_PID" || observer_status=$?
OBSERVER_PID=""
cpu_after=$(cpu_seconds "$SERVE_PID")
rss=$(peak_rss_kib "$SERVE_PID")
kill -TERM "$SERVE_PID"; wait "$SERVE_PID" 2>/dev/null || true; SERVE_PID=""

echo
echo "== results (${DURATION} s each, $THREADS wrk thread(s), $CONNECTIONS connections, loopback)"
echo "nginx 1 worker   : $(grep ^RESULT wrk-nginx.txt)"
echo "foresight serve  : $(grep ^RESULT wrk-serve.txt)"
grep -E "Socket errors|Non-2xx" wrk-nginx.txt wrk-serve.txt || echo "wrk: no socket errors, no non-2xx responses"
echo "server CPU during the run: $(awk -v a="$cpu_before" -v b="$cpu_after" 'BEGIN { printf "%.2f", b - a }') s; peak RSS ${rss} KiB"
echo "observer (bench_serving, 1 connection, a request every 5 ms):"
sed 's/^/  /' observer.txt
nginx_rps=$(grep ^RESULT wrk-nginx.txt | sed 's/.* rps=\([0-9]*\).*/\1/')
serve_rps=$(grep ^RESULT wrk-serve.txt | sed 's/.* rps=\([0-9]*\).*/\1/')
echo "foresight / nginx requests/s: $(awk -v a="$serve_rps" -v b="$nginx_rps" 'BEGIN { printf "%.2f", a / b }')"
exit "$observer_status"
