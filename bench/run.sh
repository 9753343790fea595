#!/usr/bin/env bash
# Matchplane benchmark: one command. Builds the jar if needed, then for each phase starts ONE Matchplane
# (java -jar, own loopback port, own key prefix), runs the scenarios with the load generator in a separate JVM,
# stops the app and removes the phase's keys. Prints one table, writes bench/results/latest.json.
# Loopback only, bounded in time, stops by itself; everything it started is killed on exit (trap).
#
# Settings (environment):
#   REDIS_URL            Redis to use; else 127.0.0.1:6379 if it answers; else the app's embedded Redis
#   BENCH_REDIS=embedded force the app's embedded Redis (a private Redis: INFO commandstats counts only this run)
#   BENCH_PHASES         rs256,es256,ttm50 (default all three, ~6 minutes); `matcher` (optional) runs the rule
#                        matcher alone on a 10,000-ticket 5v5 window, no app, no Redis (bench/src/matcher)
#   BENCH_PLAYER_AUTH=hs256 adds phase `auth` (also listable in BENCH_PHASES): the app with MATCHMAKING_PLAYER_AUTH=jwt
#                        and a random HS256 secret; health and enqueue, each enqueue with its player's token (made by
#                        the load generator). Its enqueue row against the rs256 row is the cost of player tokens.
#   quality (optional phase): a population of BENCH_QUALITY_PLAYERS (20000) arriving at BENCH_QUALITY_RATE/s (200)
#                        with skill, parties and latencies (seed BENCH_QUALITY_SEED, 42), once under the 5v5 ranked
#                        rule set and once under no rules; the app runs with a 60 s max wait. Then drain-rules:
#                        BENCH_DRAIN_RULES_PLAYERS (20000) drained under that rule set and under none.
#                        BENCH_QUALITY_SCENARIOS picks among quality,drain-rules. ~8 minutes.
#   cold (optional phase): start the app, then at once 200 players/s for 20 s with no warm-up (ttm): time to
#                        ready and time to match of a cold JVM; on JDK 25+ again with the image's AOT cache (cold-aot,
#                        unless BENCH_COLD_AOT=0)
#   drain2 (optional phase): the drain with one instance, then again after a second instance joined on the same
#                        key prefix (both may tick); the second row against the first is the cost of coordination
#   BENCH_SCENARIOS      scenarios of the rs256 phase: health,enqueue,status,ttm,drain,sockets
#   BENCH_ES256_SCENARIOS scenarios of the es256 phase: ttm,drain
#   BENCH_DURATION       seconds measured per closed-loop scenario (12), BENCH_WARMUP (3)
#   BENCH_CONCURRENCY    connections of the closed-loop scenarios (16)
#   BENCH_TTM_RATES      offered players/s (200,1000), BENCH_TTM_DURATION seconds per rate (15)
#   BENCH_DRAIN_TICKETS  (20000), BENCH_DRAIN_WARMUP tickets drained first, not measured (40000),
#   BENCH_SOCKETS (10000), BENCH_SIGNING_SECONDS (10)
#   BENCH_HEAP           app heap (512m), BENCH_APP_OPTS extra JVM options for the app
#   BENCH_LOADGEN_OPTS   extra JVM options for the load generator (e.g. a JFR recording of its own CPU)
#   BENCH_JFR=1          record a JFR profile of the app per phase into bench/results/
#   BENCH_JAR            run this application jar instead of building target/ (before/after comparisons)
#   BENCH_JAVA_HOME      JDK that runs the app, the load generator and the signing ceiling (default: java on PATH);
#                        (put first on PATH: the jar, built for Java 17, runs on any newer JDK)
set -euo pipefail

if [[ -n "${BENCH_JAVA_HOME:-}" ]]; then
    export PATH="$BENCH_JAVA_HOME/bin:$PATH"
fi

cd "$(dirname "$0")/.."
ROOT=$PWD
RESULTS=$ROOT/bench/results
BUILD=$ROOT/bench/target
RUN_ID=$(date +%Y%m%d-%H%M%S)
PARTS=$RESULTS/parts-$RUN_ID
PHASES=${BENCH_PHASES:-rs256,es256,ttm50}
if [[ "${BENCH_PLAYER_AUTH:-}" == "hs256" && ",$PHASES," != *",auth,"* ]]; then
    PHASES="$PHASES,auth"
fi
# a phase's own app settings (auth, quality), load generator settings (quality, cold) and the load generator's
# signing secret; empty in the other phases
EXTRA_ENV=()
PHASE_ARGS=()
PLAYER_SECRET=""
SCENARIOS=${BENCH_SCENARIOS:-health,enqueue,status,ttm,drain,sockets}
ES256_SCENARIOS=${BENCH_ES256_SCENARIOS:-ttm,drain}
DURATION=${BENCH_DURATION:-12}
WARMUP=${BENCH_WARMUP:-3}
CONCURRENCY=${BENCH_CONCURRENCY:-16}
TTM_RATES=${BENCH_TTM_RATES:-200,1000}
TTM_DURATION=${BENCH_TTM_DURATION:-15}
DRAIN_TICKETS=${BENCH_DRAIN_TICKETS:-20000}
DRAIN_WARMUP=${BENCH_DRAIN_WARMUP:-40000}
SOCKETS=${BENCH_SOCKETS:-10000}
SIGNING_SECONDS=${BENCH_SIGNING_SECONDS:-10}
HEAP=${BENCH_HEAP:-512m}
mkdir -p "$RESULTS" "$PARTS" "$BUILD"

APP_PID=""
LOADGEN_PID=""
REDIS=""
REDIS_INFO=""
PREFIX=""

SECOND_PID=""

stop_pid() {
    local pid=$1
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
}

stop_app() {
    stop_pid "$SECOND_PID"
    SECOND_PID=""
    stop_pid "$APP_PID"
    APP_PID=""
}

on_exit() {
    local status=$?
    if [[ -n "$LOADGEN_PID" ]] && kill -0 "$LOADGEN_PID" 2>/dev/null; then
        kill -TERM "$LOADGEN_PID" 2>/dev/null || true
    fi
    stop_app
    exit $status
}
trap on_exit EXIT
trap 'exit 130' INT TERM

loadgen() {
    # a separate JVM; run in the background and waited for, so that the trap can stop it
    # shellcheck disable=SC2086
    java -Xmx1536m ${BENCH_LOADGEN_OPTS:-} -cp "$BUILD/loadgen" dev.matchplane.bench.Bench "$@" &
    LOADGEN_PID=$!
    local status=0
    wait "$LOADGEN_PID" || status=$?
    LOADGEN_PID=""
    return $status
}

# --- build ---------------------------------------------------------------------------------------------------
JAR=${BENCH_JAR:-$(ls "$ROOT"/target/matchplane-*.jar 2>/dev/null | grep -v original | head -n1 || true)}
if [[ -n "${BENCH_JAR:-}" ]]; then
    echo "Using BENCH_JAR=$BENCH_JAR as is"
elif [[ -z "$JAR" ]] || [[ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -type f 2>/dev/null | head -n1)" ]]; then
    echo "Building the application jar (tests skipped)..."
    ./mvnw -q -B -o -DskipTests package || ./mvnw -q -B -DskipTests package
    JAR=$(ls "$ROOT"/target/matchplane-*.jar | grep -v original | head -n1)
fi
if [[ ! -d "$BUILD/app" ]] || [[ "$JAR" -nt "$BUILD/app" ]] || [[ -n "${BENCH_JAR:-}" ]]; then
    rm -rf "$BUILD/app"
    java -Djarmode=tools -jar "$JAR" extract --destination "$BUILD/app" >/dev/null
    touch "$BUILD/app"
fi
APP_CP="$(ls "$BUILD"/app/*.jar | head -n1):$BUILD/app/lib/*"
# how the app is launched: the jar as built; the cold-aot phase runs the extracted jar with an AOT cache instead
APP_LAUNCH=(-jar "$JAR")
READY_MS=""
rm -rf "$BUILD/loadgen" "$BUILD/signer"
javac -nowarn -d "$BUILD/loadgen" $(find "$ROOT/bench/src/loadgen" -name '*.java')
javac -nowarn -d "$BUILD/signer" -cp "$APP_CP" $(find "$ROOT/bench/src/signer" -name '*.java')
rm -rf "$BUILD/matcher"
if [[ ",$PHASES," == *",matcher,"* ]]; then
    # only then: the rule matcher is not in jars older than it (BENCH_JAR before/after comparisons)
    javac -nowarn -d "$BUILD/matcher" -cp "$APP_CP" $(find "$ROOT/bench/src/matcher" -name '*.java')
fi

# --- Redis ---------------------------------------------------------------------------------------------------
if [[ "${BENCH_REDIS:-}" == "embedded" ]]; then
    APP_REDIS_URL="redis://127.0.0.1:1"   # nothing answers there: the app starts its embedded Redis
    REDIS_SOURCE="embedded (forced)"
elif [[ -n "${REDIS_URL:-}" ]]; then
    APP_REDIS_URL=$REDIS_URL
    REDIS_SOURCE="REDIS_URL"
elif (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
    APP_REDIS_URL="redis://127.0.0.1:6379"
    REDIS_SOURCE="127.0.0.1:6379 (shared: other clients' commands also count in INFO commandstats)"
else
    APP_REDIS_URL="redis://127.0.0.1:1"
    REDIS_SOURCE="embedded (nothing answered at 127.0.0.1:6379)"
fi

start_app() {
    # $4 = second: a second instance on the same Redis and key prefix (NODE_ID bench-b), for the drain2 phase
    local phase=$1 interval=$2 algorithm=$3 role=${4:-first}
    local port
    port=$(java -cp "$BUILD/loadgen" dev.matchplane.bench.Bench mode=freeport)
    local log="$RESULTS/app-$phase.log" node=bench-a redis_for_app=$APP_REDIS_URL
    if [[ "$role" == second ]]; then
        log="$RESULTS/app-$phase-b.log"
        node=bench-b
        redis_for_app=$REDIS   # the first instance's Redis (its embedded one, if it started one)
    else
        PREFIX="bench-$RUN_ID-$phase:"
    fi
    local jfr=()
    if [[ "${BENCH_JFR:-}" == "1" ]]; then
        jfr=("-XX:StartFlightRecording=filename=$RESULTS/app-$phase.jfr,settings=profile,dumponexit=true")
    fi
    echo "== phase $phase: Matchplane on 127.0.0.1:$port, interval ${interval} ms, $algorithm, min-wait 0, heap $HEAP"
    local launched
    launched=$(date +%s%N)
    # shellcheck disable=SC2086
    env ${EXTRA_ENV[@]+"${EXTRA_ENV[@]}"} PORT="$port" REDIS_URL="$redis_for_app" MATCHMAKING_KEY_PREFIX="$PREFIX" \
        NODE_ID="$node" \
        MATCHMAKING_INTERVAL_MS="$interval" MATCHMAKING_MIN_WAIT_MS=0 TOKEN_ALGORITHM="$algorithm" \
        REALTIME_MAX_SOCKETS=$((SOCKETS + 5000)) \
        java -Xmx"$HEAP" "${jfr[@]}" ${BENCH_APP_OPTS:-} "${APP_LAUNCH[@]}" --server.address=127.0.0.1 >"$log" 2>&1 &
    local pid=$!
    if [[ "$role" == second ]]; then
        SECOND_PID=$pid
    else
        APP_PID=$pid
        BASE="http://127.0.0.1:$port"
    fi
    if ! java -cp "$BUILD/loadgen" dev.matchplane.bench.Bench mode=wait base="http://127.0.0.1:$port" timeout=180; then
        echo "Matchplane did not start; last lines of $log:" >&2
        tail -n 40 "$log" >&2
        exit 1
    fi
    # time to ready: from the java command to GET /health answering 200 (polled every 50 ms)
    READY_MS=$(( ($(date +%s%N) - launched) / 1000000 ))
    echo "   ready after $READY_MS ms"
    if [[ "$role" == second ]]; then
        return
    fi
    REDIS=$APP_REDIS_URL
    local embedded
    embedded=$(grep -o 'EMBEDDED Redis on 127.0.0.1:[0-9]*' "$log" | head -n1 | sed 's/.*://' || true)
    if [[ -n "$embedded" ]]; then
        REDIS="redis://127.0.0.1:$embedded"
    fi
    if [[ -z "$REDIS_INFO" ]]; then
        REDIS_INFO=$(java -cp "$BUILD/loadgen" dev.matchplane.bench.Bench mode=redis redis="$REDIS" || echo "? ?")
    fi
}

finish_phase() {
    stop_app
    if [[ "$REDIS" == "$APP_REDIS_URL" ]]; then
        java -cp "$BUILD/loadgen" dev.matchplane.bench.Bench mode=cleanup redis="$REDIS" prefix="$PREFIX" || true
    fi
}

APP_PHASES_RUN=0
run_phase() {
    local phase=$1 interval=$2 algorithm=$3 scenarios=$4
    APP_PHASES_RUN=$((APP_PHASES_RUN + 1))
    start_app "$phase" "$interval" "$algorithm"
    # the signing ceiling runs inside the drain scenario, in a JVM of its own, just before and just after it
    local warm="warm,"
    if [[ "$phase" == cold* ]]; then
        warm=""   # the point of the cold phases: load at once, on a JVM that has served nothing yet
    fi
    loadgen mode=run phase="$phase" base="$BASE" redis="$REDIS" prefix="$PREFIX" parts="$PARTS" \
        scenarios="$warm$scenarios" readyMs="$READY_MS" duration="$DURATION" warmup="$WARMUP" concurrency="$CONCURRENCY" \
        rates="$TTM_RATES" ttmDuration="$TTM_DURATION" drainTickets="$DRAIN_TICKETS" \
        drainWarmupTickets="$DRAIN_WARMUP" sockets="$SOCKETS" \
        interval="$interval" algorithm="$algorithm" signerClasspath="$BUILD/signer:$APP_CP" \
        signingSeconds="$SIGNING_SECONDS" appPid="$APP_PID" maxHeapMiB="$(( ${HEAP%m} ))" \
        playerSecret="$PLAYER_SECRET" ${PHASE_ARGS[@]+"${PHASE_ARGS[@]}"} \
        || echo "load generator failed in phase $phase" >&2
    finish_phase
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date +%s)
for phase in ${PHASES//,/ }; do
    case "$phase" in
        rs256) run_phase rs256 250 RS256 "$SCENARIOS" ;;
        es256) run_phase es256 250 ES256 "$ES256_SCENARIOS" ;;
        ttm50) run_phase ttm50 50 RS256 ttm ;;
        auth) PLAYER_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
              EXTRA_ENV=(MATCHMAKING_PLAYER_AUTH=jwt MATCHMAKING_PLAYER_AUTH_HS256_SECRET="$PLAYER_SECRET")
              run_phase auth 250 RS256 health,enqueue
              EXTRA_ENV=()
              PLAYER_SECRET="" ;;
        quality) EXTRA_ENV=(MATCHMAKING_MAX_WAIT_MS=60000)
                 PHASE_ARGS=(qualityPlayers="${BENCH_QUALITY_PLAYERS:-20000}" qualityRate="${BENCH_QUALITY_RATE:-200}"
                     qualitySeed="${BENCH_QUALITY_SEED:-42}" drainRulesPlayers="${BENCH_DRAIN_RULES_PLAYERS:-20000}")
                 run_phase quality 250 RS256 "${BENCH_QUALITY_SCENARIOS:-quality,drain-rules}"
                 EXTRA_ENV=()
                 PHASE_ARGS=() ;;
        cold) PHASE_ARGS=(rates=200 ttmDuration=20 ttmWarmup=0)
              run_phase cold 250 RS256 ttm
              if [[ "${BENCH_COLD_AOT:-1}" == 1 ]] && java -version 2>&1 | grep -q 'version "2[5-9]'; then
                  # JDK 25+: the AOT cache as the container image builds it (Dockerfile): a training run that exits
                  # once the context is refreshed, then the extracted jar started with the cache
                  APP_JAR_EXTRACTED=$(ls "$BUILD"/app/*.jar | head -n1)
                  rm -f "$BUILD/app.aot"
                  MATCHMAKING_REDIS_EMBEDDED=never java --enable-native-access=ALL-UNNAMED \
                      -XX:AOTCacheOutput="$BUILD/app.aot" -Dspring.context.exit=onRefresh -jar "$APP_JAR_EXTRACTED" \
                      >"$RESULTS/aot-training.log" 2>&1 || echo "AOT training run failed: $RESULTS/aot-training.log" >&2
                  APP_LAUNCH=(-XX:AOTCache="$BUILD/app.aot" -jar "$APP_JAR_EXTRACTED")
                  run_phase cold-aot 250 RS256 ttm
                  APP_LAUNCH=(-jar "$JAR")
              else
                  echo "   (cold-aot skipped: the AOT cache needs JDK 25+; set BENCH_JAVA_HOME)"
              fi
              PHASE_ARGS=() ;;
        drain2) # the same drain twice in one phase: one instance, then two on one key prefix (coordination cost)
                start_app drain2 250 RS256
                loadgen mode=run phase=drain2-one base="$BASE" redis="$REDIS" prefix="$PREFIX" parts="$PARTS" \
                    scenarios="warm,drain" duration="$DURATION" warmup="$WARMUP" concurrency="$CONCURRENCY" \
                    drainTickets="$DRAIN_TICKETS" drainWarmupTickets="$DRAIN_WARMUP" interval=250 algorithm=RS256 \
                    signerClasspath="$BUILD/signer:$APP_CP" signingSeconds="$SIGNING_SECONDS" appPid="$APP_PID" \
                    || echo "load generator failed in phase drain2 (one instance)" >&2
                start_app drain2 250 RS256 second
                loadgen mode=run phase=drain2-two base="$BASE" redis="$REDIS" prefix="$PREFIX" parts="$PARTS" \
                    scenarios="drain" concurrency="$CONCURRENCY" drainTickets="$DRAIN_TICKETS" \
                    drainWarmupTickets="$DRAIN_WARMUP" interval=250 algorithm=RS256 \
                    signerClasspath="$BUILD/signer:$APP_CP" signingSeconds="$SIGNING_SECONDS" appPid="$APP_PID" \
                    || echo "load generator failed in phase drain2 (two instances)" >&2
                APP_PHASES_RUN=$((APP_PHASES_RUN + 1))
                finish_phase ;;
        matcher) echo "== phase matcher: the rule matcher alone, one thread (load: $(cut -d' ' -f1-3 /proc/loadavg))"
                 java -Xmx1g -cp "$BUILD/matcher:$APP_CP" dev.matchplane.matching.rules.MatcherBench \
                     | tee "$RESULTS/matcher-$RUN_ID.txt" ;;
        *) echo "unknown phase $phase" >&2; exit 2 ;;
    esac
done

# --- report --------------------------------------------------------------------------------------------------
if [[ $APP_PHASES_RUN == 0 ]]; then
    exit 0   # only the matcher phase ran: it printed its figure; keep latest.json as it was
fi
loadgen mode=report parts="$PARTS" out="$RESULTS/latest.json" date="$(date -u +%FT%TZ)" nproc="$(nproc)" \
    memory="$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)" \
    jdk="$(java -version 2>&1 | head -n2 | tail -n1)" redis="${REDIS_INFO%% *}" redisSource="$REDIS_SOURCE" \
    cpu="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" \
    loadAverage="before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)" appJvm="-Xmx$HEAP ${BENCH_APP_OPTS:-}" \
    commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "Total: $(( $(date +%s) - STARTED )) s. App logs: $RESULTS/app-*.log; parts: $PARTS"
