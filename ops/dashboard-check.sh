#!/usr/bin/env bash
# Proves the Grafana dashboard against a real Prometheus: every panel query of ops/grafana/matchplane.json must
# evaluate without error and return data while Matchplane runs under a short load. Also checks the alert rules and
# the monitoring profile's Prometheus config with promtool.
#
#   ops/dashboard-check.sh                      # starts target/matchplane-*.jar (./mvnw -B -q package -DskipTests)
#   ops/dashboard-check.sh --app-url http://127.0.0.1:3000   # uses a running Matchplane instead
#
# Needs prometheus and promtool (Debian/Ubuntu: apt-get install prometheus), python3 and curl. The jar uses
# REDIS_URL (default redis://127.0.0.1:6379) under a key prefix of its own. Set PROVISIONING_API_KEY when the
# running app requires it. For a running app, matches come fastest with matchmaking.min-wait=0 for queues
# "dashcheck*" and matchmaking.metrics-refresh=1s (DashboardCheckIntegrationTests does both).
# Everything listens on 127.0.0.1 and everything started here is stopped on exit. Past the start of the app, the
# run takes under 2 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

APP_URL=""
while [ $# -gt 0 ]; do
  case "$1" in
    --app-url) APP_URL="${2:?--app-url needs a URL}"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

DASHBOARD=${DASHBOARD:-ops/grafana/matchplane.json}   # another file to try a change before it replaces this one
ALERTS=ops/prometheus/alerts.yml
LOAD_SECONDS=70          # upper bound of the load; it stops as soon as every query has data
QUERY_DEADLINE=60        # seconds to wait for every panel query to return data
APP_START_SECONDS=${APP_START_SECONDS:-240}   # a cold JVM on a busy machine
PROMETHEUS=${PROMETHEUS:-prometheus}
PROMTOOL=${PROMTOOL:-promtool}

log() { echo "[dashboard-check] $*"; }
fail() { echo "[dashboard-check] FAILED: $*" >&2; exit 1; }

for tool in "$PROMETHEUS" "$PROMTOOL" python3 curl; do
  command -v "$tool" >/dev/null || fail "$tool not found (Debian/Ubuntu: apt-get install prometheus python3 curl)"
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dashboard-check.XXXXXX")
PIDS=()
KEY_PREFIX=""
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  # The jar's own keys, best effort (a running app's keys are its owner's business)
  if [ -n "$KEY_PREFIX" ] && command -v redis-cli >/dev/null; then
    redis-cli -u "$REDIS_URL" --scan --pattern "$KEY_PREFIX*" 2>/dev/null \
      | xargs -r -n 500 redis-cli -u "$REDIS_URL" del >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for() { # wait_for <seconds> <command...>: 1 when the command has not succeeded within that time
  local until=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $until ] || return 1
    sleep 0.5
  done
}

# ---- 1. static checks ------------------------------------------------------------------------------------------
log "promtool check rules $ALERTS"
"$PROMTOOL" check rules "$ALERTS"
log "promtool check config ops/prometheus/prometheus.yml"
"$PROMTOOL" check config ops/prometheus/prometheus.yml

# ---- 2. Matchplane -------------------------------------------------------------------------------------------------
if [ -z "$APP_URL" ]; then
  JAR=$(ls target/matchplane-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
  [ -n "$JAR" ] || fail "no target/matchplane-*.jar: run ./mvnw -B -q package -DskipTests, or pass --app-url"
  APP_PORT=$(free_port)
  APP_URL="http://127.0.0.1:$APP_PORT"
  REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
  KEY_PREFIX="dashcheck-$$-$RANDOM:"
  log "starting $JAR on $APP_URL (Redis $REDIS_URL, key prefix $KEY_PREFIX)"
  REDIS_URL=$REDIS_URL java -jar "$JAR" --server.address=127.0.0.1 \
    --server.port="$APP_PORT" --matchmaking.redis.embedded=never \
    --matchmaking.redis.key-prefix="$KEY_PREFIX" --matchmaking.metrics-refresh=1s \
    '--matchmaking.queues[0].pattern=dashcheck*' '--matchmaking.queues[0].min-wait=0ms' \
    >"$WORK/app.log" 2>&1 &
  PIDS+=($!)
  wait_for "$APP_START_SECONDS" curl -sf "$APP_URL/health" || { tail -40 "$WORK/app.log" >&2; fail "Matchplane did not start"; }
fi
APP_HOST_PORT=${APP_URL#*://}
APP_HOST_PORT=${APP_HOST_PORT%%/*}
curl -sf "$APP_URL/actuator/prometheus" -o /dev/null || fail "$APP_URL/actuator/prometheus does not answer"

# ---- 3. Prometheus scraping it every second, with the alert rules loaded ------------------------------------------
PROM_PORT=$(free_port)
PROM_URL="http://127.0.0.1:$PROM_PORT"
cp "$ALERTS" "$WORK/alerts.yml"
cat >"$WORK/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files: [alerts.yml]
scrape_configs:
  - job_name: matchplane
    metrics_path: /actuator/prometheus
    static_configs:
      - targets: ['$APP_HOST_PORT']
EOF
"$PROMTOOL" check config "$WORK/prometheus.yml" >/dev/null
log "starting Prometheus on $PROM_URL"
"$PROMETHEUS" --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/data" \
  --web.listen-address="127.0.0.1:$PROM_PORT" --log.level=warn >"$WORK/prometheus.log" 2>&1 &
PIDS+=($!)
wait_for 30 curl -sf "$PROM_URL/-/ready" || { cat "$WORK/prometheus.log" >&2; fail "Prometheus did not start"; }

# ---- 4. load: a game server, matches on a min-wait-0 queue, a waiting ticket with a socket, some 4xx -------------
log "load on $APP_URL for at most ${LOAD_SECONDS}s"
python3 ops/dashboard_check.py load "$APP_URL" "$LOAD_SECONDS" "$WORK/stop" >"$WORK/load.log" 2>&1 &
LOAD_PID=$!
PIDS+=($LOAD_PID)

# ---- 5. every panel query through Prometheus' HTTP API ------------------------------------------------------------
status=0
python3 ops/dashboard_check.py queries "$PROM_URL" "$DASHBOARD" "$QUERY_DEADLINE" || status=$?
touch "$WORK/stop"
wait "$LOAD_PID" 2>/dev/null || { log "load generator failed:"; cat "$WORK/load.log" >&2; status=1; }
[ $status -eq 0 ] || { tail -20 "$WORK/load.log" >&2; fail "dashboard queries (see above)"; }
log "OK: every panel query returned data; alert rules and Prometheus config valid"
