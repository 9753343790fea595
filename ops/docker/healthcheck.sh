#!/usr/bin/env bash
# Container health check: GET /health on the local port and require HTTP 200. Pure bash (/dev/tcp), because the
# eclipse-temurin JRE image ships neither curl nor wget reliably. Exit 0 = healthy, 1 = unhealthy.
#   HEALTHCHECK_PORT (default: $PORT, else 3000), HEALTHCHECK_TIMEOUT seconds (default 2)
set -u
port="${HEALTHCHECK_PORT:-${PORT:-3000}}"
wait="${HEALTHCHECK_TIMEOUT:-2}"

{ exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null || { echo "unhealthy: nothing answers on port ${port}" >&2; exit 1; }
printf 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3 || exit 1
IFS= read -r -t "$wait" status <&3 || exit 1
case "$status" in
  "HTTP/1.1 200"*) exit 0 ;;
  *) echo "unhealthy: ${status%$'\r'}" >&2; exit 1 ;;
esac
