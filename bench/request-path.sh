#!/usr/bin/env bash
# Request-path comparison, run by hand (not part of the test suite, not part of bench/run.sh). Starts every jar
# given at once, each on a free loopback port against REDIS_URL (default redis://127.0.0.1:6379) under a key prefix
# of its own, then measures them in turn in short slices (REQUEST_PATH_SLICE seconds of GET /health, POST enqueue,
# GET status each, 16 connections, closed loop), REQUEST_PATH_WARM rounds unmeasured then REQUEST_PATH_ROUNDS
# measured, so that all of them meet the same background load. Prints req/s, the ratio to /health and its spread
# over the rounds; stops the apps and removes their keys (also on Ctrl-C).
#   bench/request-path.sh before.jar after.jar [more.jar ...]
# With the defaults (2 s slices, 5 + 8 rounds) two jars take about 3 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
REDIS=${REDIS_URL:-redis://127.0.0.1:6379}
BUILD=$(mktemp -d)
PIDS=()
PREFIXES=()

cleanup() {
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    for prefix in "${PREFIXES[@]}"; do
        bench mode=cleanup redis="$REDIS" prefix="$prefix" || true
    done
    rm -rf "$BUILD"
}
bench() { java -cp "$BUILD/loadgen" dev.matchplane.bench.Bench "$@"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

javac -nowarn -d "$BUILD/loadgen" $(find "$ROOT/bench/src/loadgen" -name '*.java')
bases=()
names=()
for jar in "$@"; do
    port=$(bench mode=freeport)
    prefix="reqpath-$$-${#PIDS[@]}:"
    env PORT="$port" REDIS_URL="$REDIS" MATCHMAKING_KEY_PREFIX="$prefix" MATCHMAKING_REDIS_EMBEDDED=never \
        java -Xmx512m -jar "$jar" --server.address=127.0.0.1 --logging.level.dev.matchplane=WARN \
        >"$BUILD/app-${#PIDS[@]}.log" 2>&1 &
    PIDS+=($!)
    PREFIXES+=("$prefix")
    bases+=("http://127.0.0.1:$port")
    names+=("$(basename "$jar" .jar)")
    echo "$(basename "$jar") on 127.0.0.1:$port, prefix $prefix"
done
for i in "${!bases[@]}"; do
    bench mode=wait base="${bases[$i]}" timeout=480 || { tail -n 40 "$BUILD/app-$i.log" >&2; exit 1; }
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
IFS=,
bench mode=interleave bases="${bases[*]}" names="${names[*]}" concurrency=16 \
    slice="${REQUEST_PATH_SLICE:-2}" warmRounds="${REQUEST_PATH_WARM:-5}" rounds="${REQUEST_PATH_ROUNDS:-8}"
unset IFS
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
