#!/usr/bin/env bash
# Proves ops/nginx/nginx.conf without Docker: a real nginx (Debian package) in front of two Matchplane processes on
# one Redis, all on loopback, driven through nginx from game-server registration to the WebSocket push.
#
#   ops/nginx-e2e.sh
#
# Environment (all optional):
#   REDIS_URL          Redis to use; else 127.0.0.1:6379 if it answers; else a private redis-server on a free port
#   E2E_PORTS          the two Matchplane ports (default "3101 3102"; a busy one is replaced by a free port)
#   E2E_NGINX_PORT     nginx's port (default: a free one)
#   E2E_REBUILD=1      rebuild the jar even if target/matchplane-*.jar exists
#   E2E_BUDGET_S       time budget once the jar exists (default 120)
#   E2E_KEEP=1         keep the work directory (logs, rendered config) even on success
#
# Every key lives under a unique MATCHMAKING_KEY_PREFIX and is deleted at the end; every process this script
# starts is stopped on exit, whatever happens. Prints PASS or FAIL and exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."

BUDGET_S=${E2E_BUDGET_S:-120}
WORK=$(mktemp -d /tmp/matchplane-nginx-e2e.XXXXXX)
chmod 755 "$WORK"   # nginx workers run unprivileged and use temp dirs below it
PIDS=()             # every process we started, stopped in reverse order
APP_PIDS=()
WATCHDOG=""
REDIS_CLI=()
PREFIX="e2e-$(date +%s)-$$:"
RESULT=FAIL
STEP="setup"

log() { printf '[e2e %5ss] %s\n' "$SECONDS" "$*"; }
fail() { log "FAIL at '$STEP': $*"; exit 1; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -n "$WATCHDOG" ] && kill "$WATCHDOG" 2>/dev/null || true
  local i
  for (( i=${#PIDS[@]}-1; i>=0; i-- )); do kill -TERM "${PIDS[$i]}" 2>/dev/null || true; done
  for (( i=${#PIDS[@]}-1; i>=0; i-- )); do
    for _ in $(seq 1 50); do kill -0 "${PIDS[$i]}" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "${PIDS[$i]}" 2>/dev/null || true
  done
  if [ ${#REDIS_CLI[@]} -gt 0 ] && [ "${REDIS_OWNED:-0}" != 1 ]; then
    timeout 10 "${REDIS_CLI[@]}" --scan --pattern "${PREFIX}*" 2>/dev/null \
      | while IFS= read -r key; do printf 'UNLINK "%s"\n' "$key"; done \
      | timeout 10 "${REDIS_CLI[@]}" >/dev/null 2>&1 || true
  fi
  if [ "$RESULT" = PASS ] && [ $rc -eq 0 ]; then
    [ "${E2E_KEEP:-0}" = 1 ] && log "work directory kept: $WORK" || rm -rf "$WORK"
    echo "PASS: nginx e2e (enqueue -> match -> WebSocket push through nginx, two instances, one Redis)"
  else
    for f in "$WORK"/*.log; do
      [ -s "$f" ] || continue
      echo "---- last lines of $f"; tail -n 15 "$f" | cut -c1-400
    done
    echo "FAIL: nginx e2e (step '$STEP'; logs and rendered config in $WORK)"
    [ $rc -eq 0 ] && rc=1
  fi
  exit $rc
}
trap cleanup EXIT
trap 'fail "interrupted or out of time (budget ${BUDGET_S}s)"' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# curl through a bounded call: prints the body, then the status on its own last line
http() { curl -sS --max-time 5 -w '\n%{http_code}' "$@"; }
status_of() { tail -n 1 <<<"$1"; }
body_of() { sed '$d' <<<"$1"; }
json() { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(eval(sys.argv[2], {"d": d}))' "$1" "$2"; }

# ---- prerequisites ------------------------------------------------------------------------------------------------
STEP="prerequisites"
NGINX=$(command -v nginx || true)
[ -z "$NGINX" ] && [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx
[ -n "$NGINX" ] || fail "nginx is not installed (Debian: apt-get install -y nginx)"
for tool in java python3 curl; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done

# (the glob does not match the repackager's matchplane-*.jar.original)
find_jar() { local f; for f in target/matchplane-*.jar; do [ -f "$f" ] && { echo "$f"; return; }; done; }
JAR=$(find_jar)
if [ -z "$JAR" ] || [ "${E2E_REBUILD:-0}" = 1 ]; then
  STEP="build"
  log "building the jar (./mvnw -B -q -DskipTests package)"
  timeout 900 ./mvnw -B -q -DskipTests package >"$WORK/build.log" 2>&1 || fail "the build failed"
  JAR=$(find_jar)
  [ -n "$JAR" ] || fail "the build made no target/matchplane-*.jar"
fi
log "jar: $JAR ($(date -r "$JAR" '+%F %T'))"

# The budget starts once the jar exists: the build's duration depends on the Maven cache, the run's does not.
# The watchdog's own trap stops its sleep, so cleanup leaves no stray process behind.
( trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM; sleep "$BUDGET_S" & sleeper=$!; wait "$sleeper" && kill -TERM $$ ) &
WATCHDOG=$!

# ---- Redis --------------------------------------------------------------------------------------------------------
STEP="redis"
REDIS_OWNED=0
if [ -n "${REDIS_URL:-}" ]; then
  log "Redis: REDIS_URL=$REDIS_URL"
elif (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
  REDIS_URL=redis://127.0.0.1:6379
  log "Redis: the machine's Redis at $REDIS_URL"
elif command -v redis-server >/dev/null; then
  rport=$(free_port)
  redis-server --bind 127.0.0.1 --port "$rport" --save '' --appendonly no --dir "$WORK" \
    >"$WORK/redis.log" 2>&1 &
  PIDS+=($!)
  REDIS_OWNED=1
  REDIS_URL="redis://127.0.0.1:$rport"
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$rport") 2>/dev/null && break; sleep 0.1; done
  log "Redis: started redis-server on $REDIS_URL"
else
  fail "no Redis: set REDIS_URL, run one on 127.0.0.1:6379, or install redis-server (apt-get install -y redis-server)"
fi
command -v redis-cli >/dev/null && REDIS_CLI=(redis-cli -u "$REDIS_URL")
if [ ${#REDIS_CLI[@]} -gt 0 ]; then
  [ "$(timeout 5 "${REDIS_CLI[@]}" ping 2>/dev/null)" = PONG ] || fail "Redis at $REDIS_URL does not answer PING"
fi

# ---- two Matchplane instances -------------------------------------------------------------------------------------
STEP="start matchplane"
read -r -a APP_PORTS <<<"${E2E_PORTS:-3101 3102}"
[ ${#APP_PORTS[@]} -eq 2 ] || fail "E2E_PORTS must name two ports"
for i in 0 1; do port_free "${APP_PORTS[$i]}" || APP_PORTS[$i]=$(free_port); done
PROVISIONING_KEY="e2e-prov-$RANDOM$RANDOM"
ADMIN_KEY="e2e-admin-$RANDOM$RANDOM"
for i in 0 1; do
  name=$([ "$i" = 0 ] && echo a || echo b)
  env PORT="${APP_PORTS[$i]}" REDIS_URL="$REDIS_URL" NODE_ID="e2e-$name" \
      MATCHMAKING_KEY_PREFIX="$PREFIX" MATCHMAKING_REDIS_EMBEDDED=never \
      MATCHMAKING_MIN_WAIT_MS=0 MATCHMAKING_INTERVAL_MS=100 \
      PROVISIONING_API_KEY="$PROVISIONING_KEY" ADMIN_API_KEY="$ADMIN_KEY" \
      TOKEN_PRIVATE_KEY_PEM= TOKEN_PRIVATE_KEY_FILE= \
      JAVA_TOOL_OPTIONS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx384m" \
      java -jar "$JAR" >"$WORK/matchplane-$name.log" 2>&1 &
  PIDS+=($!)
  APP_PIDS+=($!)
done
log "Matchplane a on :${APP_PORTS[0]}, b on :${APP_PORTS[1]}, key prefix '$PREFIX'"
for i in 0 1; do
  up=0
  for _ in $(seq 1 180); do
    if curl -s --max-time 1 "http://127.0.0.1:${APP_PORTS[$i]}/health" 2>/dev/null | grep -q '"ok":true'; then up=1; break; fi
    kill -0 "${APP_PIDS[$i]}" 2>/dev/null || fail "Matchplane on :${APP_PORTS[$i]} exited (see its log)"
    sleep 0.5
  done
  [ $up = 1 ] || fail "Matchplane on :${APP_PORTS[$i]} did not answer /health in 90 s"
done
log "both instances answer /health"

# ---- nginx with the shared config ---------------------------------------------------------------------------------
STEP="render nginx.conf"
NGINX_PORT=${E2E_NGINX_PORT:-$(free_port)}
CONF="$WORK/nginx.conf"
# Only the lines marked "# e2e: <what>" change; everything else is the file docker compose mounts.
awk -v work="$WORK" -v port="$NGINX_PORT" -v a="${APP_PORTS[0]}" -v b="${APP_PORTS[1]}" '
  /# e2e: pid/         { print "pid " work "/nginx.pid;"; n++; next }
  /# e2e: error_log/   { print "error_log " work "/nginx-error.log warn;"; n++; next }
  /# e2e: access_log/  { print "    access_log " work "/nginx-access.log;"; n++; next }
  /# e2e: temp/        { sub(/\/tmp\/nginx-/, work "/nginx-"); sub(/# e2e: temp/, ""); print; n++; next }
  /# e2e: upstream servers/ {
      print "        server 127.0.0.1:" a " max_fails=3 fail_timeout=10s;"
      print "        server 127.0.0.1:" b " max_fails=3 fail_timeout=10s;"; n++; next }
  /# e2e: listen/      { print "        listen 127.0.0.1:" port ";"; n++; next }
  { print }
  END { if (n != 10) { print "expected 10 e2e markers, found " n > "/dev/stderr"; exit 1 } }
' ops/nginx/nginx.conf >"$CONF" || fail "ops/nginx/nginx.conf lost its '# e2e:' markers"
! grep -q 'matchplane:3000' "$CONF" || fail "the rendered config still points at matchplane:3000"

STEP="nginx -t"
"$NGINX" -t -q -p "$WORK" -e "$WORK/nginx-error.log" -c "$CONF" >"$WORK/nginx-test.log" 2>&1 \
  || { cat "$WORK/nginx-test.log"; fail "nginx -t rejected the rendered config"; }

STEP="start nginx"
"$NGINX" -p "$WORK" -e "$WORK/nginx-error.log" -c "$CONF" -g 'daemon off;' >"$WORK/nginx-stdout.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$NGINX_PORT") 2>/dev/null && break; sleep 0.1; done
N="http://127.0.0.1:$NGINX_PORT"
log "nginx $("$NGINX" -v 2>&1 | sed 's/.*\///') on $N"

# ---- drive everything through nginx -------------------------------------------------------------------------------
STEP="health through nginx"
r=$(http "$N/match/health"); [ "$(status_of "$r")" = 200 ] && grep -q '"ok":true' <<<"$r" || fail "/match/health: $r"
r=$(http "$N/nginx-health"); [ "$(status_of "$r")" = 200 ] || fail "/nginx-health: $r"
r=$(http "$N/match/actuator/prometheus"); [ "$(status_of "$r")" = 404 ] || fail "/match/actuator must stay internal: $r"
r=$(http "$N/v1/matchmaking/status/x"); [ "$(status_of "$r")" = 404 ] || fail "paths outside /match must 404: $r"
log "ok: /match/health 200, /nginx-health 200, /match/actuator 404, paths outside /match 404"

STEP="register a game server"
LAND="e2eland"
SERVER_ID="e2e-gs-$RANDOM"
REG="{\"serverId\":\"$SERVER_ID\",\"host\":\"127.0.0.1\",\"port\":7777,\"landType\":\"$LAND\",\"region\":\"local\"}"
r=$(http -XPOST "$N/match/v1/provisioning/servers/register" -H 'Content-Type: application/json' -d "$REG")
[ "$(status_of "$r")" = 401 ] || fail "register without the API key must be 401: $r"
r=$(http -XPOST "$N/match/v1/provisioning/servers/register" -H 'Content-Type: application/json' \
      -H "Authorization: Bearer $PROVISIONING_KEY" -d "$REG")
[ "$(status_of "$r")" = 200 ] || fail "register: $r"
log "ok: register 401 without the key, 200 with it (Authorization passes through nginx)"

STEP="enqueue the first player"
QUEUE="$LAND:2v2"
enqueue() {
  http -XPOST "$N/match/v1/matchmaking/enqueue" -H 'Content-Type: application/json' \
    -d "{\"queueKey\":\"$QUEUE\",\"groupId\":\"e2e-party-$1\",\"members\":[\"e2e-player-$1\"],\"groupSize\":1}"
}
r=$(enqueue "1-$$"); [ "$(status_of "$r")" = 201 ] || fail "enqueue 1: $r"
T1=$(json "$(body_of "$r")" 'd["ticketId"]')
r=$(http "$N/match/v1/matchmaking/status/$T1"); [ "$(status_of "$r")" = 200 ] || fail "status of $T1: $r"
log "ok: enqueued $T1 ($(json "$(body_of "$r")" 'd["status"]'))"

# A raw RFC 6455 client on the standard library: prints OPEN after the 101, MSG <text> per text frame, CLOSE <code>;
# exits 0 when it sees the expected event for the ticket (or the expected close code), 1 otherwise.
read -r -d '' WS_CLIENT <<'PY' || true
import base64, hashlib, json, os, socket, struct, sys, time
host, port, path, expect, ticket, limit = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], float(sys.argv[6])
deadline = time.monotonic() + limit
def out(*a): print(*a, flush=True)
s = socket.create_connection((host, port), timeout=5)
key = base64.b64encode(os.urandom(16)).decode()
s.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
buf = b""
while b"\r\n\r\n" not in buf:
    chunk = s.recv(4096)
    if not chunk: out("ERROR handshake: connection closed"); sys.exit(1)
    buf += chunk
head, buf = buf.split(b"\r\n\r\n", 1)
lines = head.decode("latin-1").split("\r\n")
if " 101 " not in lines[0] + " ": out("ERROR handshake:", lines[0]); sys.exit(1)
accept = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()).decode()
if not any(l.lower().startswith("sec-websocket-accept:") and l.split(":", 1)[1].strip() == accept for l in lines):
    out("ERROR handshake: bad Sec-WebSocket-Accept"); sys.exit(1)
out("OPEN")
def send(opcode, payload=b""):
    mask = os.urandom(4)
    hdr = bytes([0x80 | opcode]) + (bytes([0x80 | len(payload)]) if len(payload) < 126 else bytes([0xFE]) + struct.pack("!H", len(payload)))
    s.sendall(hdr + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
def need(n):
    global buf
    while len(buf) < n:
        if time.monotonic() > deadline: out("TIMEOUT"); sys.exit(1)
        try: chunk = s.recv(65536)
        except socket.timeout: continue
        if not chunk: out("ERROR connection closed without a close frame"); sys.exit(1)
        buf += chunk
    data, buf = buf[:n], buf[n:]
    return data
s.settimeout(0.5)
message = b""
while True:
    b0, b1 = need(2)
    opcode, length = b0 & 0x0F, b1 & 0x7F
    if length == 126: length = struct.unpack("!H", need(2))[0]
    elif length == 127: length = struct.unpack("!Q", need(8))[0]
    masked_key = need(4) if b1 & 0x80 else None
    payload = need(length)
    if masked_key: payload = bytes(b ^ masked_key[i % 4] for i, b in enumerate(payload))
    if opcode == 9: send(10, payload); continue
    if opcode == 8:
        code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
        out("CLOSE", code); sys.exit(0 if expect == f"close:{code}" else 1)
    if opcode in (1, 0):
        message += payload
        if not b0 & 0x80: continue
        text, message = message.decode(), b""
        out("MSG", text)
        event = json.loads(text)
        if event.get("type") == expect and event.get("data", {}).get("ticketId") == ticket:
            send(8, struct.pack("!H", 1000)); sys.exit(0)
PY

STEP="open the WebSocket through nginx"
WS_OUT="$WORK/ws-assigned.log"
python3 -c "$WS_CLIENT" 127.0.0.1 "$NGINX_PORT" "/match/realtime?ticketId=$T1" match.assigned "$T1" 40 \
  >"$WS_OUT" 2>&1 &
WS_PID=$!
PIDS+=("$WS_PID")
for _ in $(seq 1 100); do grep -q '^OPEN' "$WS_OUT" 2>/dev/null && break; kill -0 $WS_PID 2>/dev/null || break; sleep 0.1; done
grep -q '^OPEN' "$WS_OUT" || fail "no WebSocket upgrade through /match/realtime: $(cat "$WS_OUT")"
log "ok: WebSocket upgraded through /match/realtime (101, Sec-WebSocket-Accept checked)"

STEP="enqueue the second player"
r=$(enqueue "2-$$"); [ "$(status_of "$r")" = 201 ] || fail "enqueue 2: $r"
T2=$(json "$(body_of "$r")" 'd["ticketId"]')
log "ok: enqueued $T2; waiting for match.assigned on the socket"

STEP="match.assigned over the WebSocket"
ws_rc=0; wait $WS_PID || ws_rc=$?
[ $ws_rc = 0 ] || fail "no match.assigned for $T1 (client said: $(tr '\n' ' ' <"$WS_OUT" | cut -c1-600))"
PUSHED=$(grep "^MSG .*\"match.assigned\"" "$WS_OUT" | tail -n 1 | cut -c5-)
log "ok: match.assigned pushed for $T1"

STEP="status says assigned"
r1=$(http "$N/match/v1/matchmaking/status/$T1"); [ "$(status_of "$r1")" = 200 ] || fail "status $T1: $r1"
r2=$(http "$N/match/v1/matchmaking/status/$T2"); [ "$(status_of "$r2")" = 200 ] || fail "status $T2: $r2"
S1=$(body_of "$r1"); S2=$(body_of "$r2")
[ "$(json "$S1" 'd["status"]')" = assigned ] || fail "status of $T1: $S1"
[ "$(json "$S2" 'd["status"]')" = assigned ] || fail "status of $T2: $S2"
[ "$(json "$S1" 'd["assignment"]["landId"]')" = "$(json "$S2" 'd["assignment"]["landId"]')" ] \
  || fail "the two tickets were not put in the same land"
[ "$(json "$S1" 'd["assignment"]["serverId"]')" = "$SERVER_ID" ] || fail "assigned to another server: $S1"
python3 -c 'import json,sys; a=json.loads(sys.argv[1])["assignment"]; b=json.loads(sys.argv[2])["data"]["assignment"]; sys.exit(0 if a == b else 1)' \
  "$S1" "$PUSHED" || fail "the pushed assignment differs from the status endpoint's"
log "ok: both tickets assigned to '$SERVER_ID' in land $(json "$S1" 'd["assignment"]["landId"]'); pushed = polled"

STEP="JWKS through nginx"
for path in /match/.well-known/jwks.json /.well-known/jwks.json; do
  r=$(http "$N$path"); [ "$(status_of "$r")" = 200 ] || fail "$path: $r"
  JWKS=$(body_of "$r")
  # The match token must verify against the JWKS as served through nginx (RS256 checked with plain integers).
  python3 - "$JWKS" "$(json "$S1" 'd["assignment"]["matchToken"]')" <<'PY' || fail "the match token does not verify against $path"
import base64, hashlib, json, sys
jwks, token = json.loads(sys.argv[1]), sys.argv[2]
b64 = lambda s: base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
h64, p64, s64 = token.split(".")
header = json.loads(b64(h64))
key = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
if header["alg"] != "RS256":
    print("kid", header["kid"], "found; signature not checked for", header["alg"]); sys.exit(0)
n, e = int.from_bytes(b64(key["n"]), "big"), int.from_bytes(b64(key["e"]), "big")
size = (n.bit_length() + 7) // 8
em = pow(int.from_bytes(b64(s64), "big"), e, n).to_bytes(size, "big")
digest_info = bytes.fromhex("3031300d060960864801650304020105000420") + hashlib.sha256(f"{h64}.{p64}".encode()).digest()
sys.exit(0 if em == b"\x00\x01" + b"\xff" * (size - len(digest_info) - 3) + b"\x00" + digest_info else 1)
PY
done
log "ok: the match token verifies against the JWKS at /match/.well-known/jwks.json and /.well-known/jwks.json"

STEP="unknown ticket closes with 4404"
python3 -c "$WS_CLIENT" 127.0.0.1 "$NGINX_PORT" "/match/realtime?ticketId=ticket-e2e-unknown-$$" close:4404 - 15 \
  >"$WORK/ws-unknown.log" 2>&1 || fail "expected close 4404 for an unknown ticket: $(tr '\n' ' ' <"$WORK/ws-unknown.log")"
log "ok: unknown ticket -> close 4404 through nginx"

STEP="both instances served"
served_a=$(grep -c 'queued in' "$WORK/matchplane-a.log" || true)
served_b=$(grep -c 'queued in' "$WORK/matchplane-b.log" || true)
log "enqueues served: a=$served_a b=$served_b (nginx round-robin; informational)"

RESULT=PASS
