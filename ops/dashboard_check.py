#!/usr/bin/env python3
"""Helper of ops/dashboard-check.sh (standard library only).

  dashboard_check.py load <app-url> <max-seconds> <stop-file>
      Registers a game server, enqueues pairs of players on a min-wait-0 queue so that matches happen (now and then
      one player follows its ticket on a WebSocket, so an event is pushed), leaves one
      ticket waiting on a queue that needs 8 players with a WebSocket open on it, and sends a few requests that get
      4xx replies. Runs until <stop-file> exists or <max-seconds> pass.

  dashboard_check.py queries <prometheus-url> <dashboard.json> <deadline-seconds>
      Runs every panel query (targets[].expr, Grafana variables substituted) and every template variable query
      through Prometheus' HTTP API until all of them return data, or the deadline passes. Fails on any query error,
      on a query with no data (or only NaN) at the deadline, and on any metric name that Prometheus has never seen.
"""
import base64
import json
import math
import os
import re
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

# ---- load ----------------------------------------------------------------------------------------------------------


def http(app, method, path, body=None, expect_error=False):
    headers = {"Content-Type": "application/json"}
    key = os.environ.get("PROVISIONING_API_KEY")
    if key and path.startswith("/v1/provisioning"):
        headers["Authorization"] = "Bearer " + key
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(app + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as reply:
            return reply.status, json.loads(reply.read() or b"null")
    except urllib.error.HTTPError as error:
        if not expect_error:
            raise SystemExit(f"{method} {path} -> {error.code}: {error.read()[:300]!r}")
        return error.code, None


def open_websocket(app, ticket_id):
    """A WebSocket opened by hand (the standard library has no client): the handshake, then the socket is held."""
    url = urllib.parse.urlsplit(app)
    sock = socket.create_connection((url.hostname, url.port or 80), timeout=5)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /realtime?ticketId={urllib.parse.quote(ticket_id)} HTTP/1.1\r\n"
                  f"Host: {url.hostname}:{url.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    status_line = sock.recv(4096).split(b"\r\n", 1)[0]
    if b" 101 " not in status_line:
        raise SystemExit(f"WebSocket upgrade refused: {status_line!r}")
    return sock


def load(app, max_seconds, stop_file):
    run = uuid.uuid4().hex[:8]
    land = f"dashcheck-{run}"
    http(app, "POST", "/v1/provisioning/servers/register",
         {"serverId": f"gs-{run}", "host": "127.0.0.1", "port": 7777, "landType": land})
    _, waiting = http(app, "POST", "/v1/matchmaking/enqueue",
                      {"queueKey": f"{land}:8", "members": [f"waiter-{run}"], "groupSize": 1})
    sockets = [open_websocket(app, waiting["ticketId"])]
    deadline = time.monotonic() + max_seconds
    n = 0
    while time.monotonic() < deadline and not os.path.exists(stop_file):
        for _ in range(2):
            n += 1
            http(app, "POST", "/v1/matchmaking/enqueue",
                 {"queueKey": f"{land}:2", "members": [f"p{n}-{run}"], "groupSize": 1})
        if n % 20 == 0:
            # a player who follows its ticket on a socket before its partner arrives: match.assigned is pushed
            n += 1
            _, followed = http(app, "POST", "/v1/matchmaking/enqueue",
                               {"queueKey": f"{land}:2", "members": [f"p{n}-{run}"], "groupSize": 1})
            sockets.append(open_websocket(app, followed["ticketId"]))
            n += 1
            http(app, "POST", "/v1/matchmaking/enqueue",
                 {"queueKey": f"{land}:2", "members": [f"p{n}-{run}"], "groupSize": 1})
            assert http(app, "GET", f"/v1/matchmaking/status/ticket-unknown-{run}", expect_error=True)[0] == 404
            assert http(app, "POST", "/v1/matchmaking/enqueue", {"queueKey": ""}, expect_error=True)[0] == 400
        time.sleep(0.2)
    http(app, "POST", "/v1/matchmaking/cancel", {"ticketId": waiting["ticketId"]})
    http(app, "DELETE", f"/v1/provisioning/servers/gs-{run}")
    for sock in sockets:
        sock.close()
    print(f"load: {n} players enqueued on {land}:2")


# ---- queries -------------------------------------------------------------------------------------------------------

# What Grafana would put in place of its variables, for a 1 s scrape interval.
BUILTINS = {"__rate_interval": "15s", "__interval": "5s", "__range": "1m", "__range_s": "60", "__interval_ms": "5000"}
KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset",
            "inf", "nan"}


def template_values(dashboard):
    values = dict(BUILTINS)
    for var in dashboard.get("templating", {}).get("list", []):
        values[var["name"]] = var.get("allValue") or ".*"
    return values


def substitute(expr, values):
    def replace(match):
        name = match.group(1) or match.group(2)
        if name not in values:
            raise SystemExit(f"unknown variable ${name} in: {expr}")
        return values[name]
    return re.sub(r"\$\{(\w+)(?::\w+)?\}|\$(\w+)", replace, expr)


def panel_queries(node, path="dashboard"):
    """(where, expr) for every targets[].expr, in nested rows too."""
    if isinstance(node, dict):
        for target in node.get("targets", []) or []:
            if target.get("expr"):
                yield f"{node.get('title', path)} [{target.get('refId', '?')}]", target["expr"]
        for key, child in node.items():
            if key != "targets":
                yield from panel_queries(child, path)
    elif isinstance(node, list):
        for child in node:
            yield from panel_queries(child, path)


def metric_names(expr):
    """Metric names an expression reads: identifiers outside {...}, [...], strings and label lists, not functions."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = re.sub(r"\[[^\]]*\]", " ", text)
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)
    names = set()
    for match in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", text):
        rest = text[match.end():].lstrip()
        if not rest.startswith("(") and match.group(0).lower() not in KEYWORDS:
            names.add(match.group(0))
    return names


def prom(prometheus, path, params):
    url = f"{prometheus}{path}?{urllib.parse.urlencode(params, doseq=True)}"
    try:
        with urllib.request.urlopen(url, timeout=10) as reply:
            return json.load(reply)
    except urllib.error.HTTPError as error:
        return json.loads(error.read() or b"{}") or {"status": "error", "error": str(error)}


def has_data(result):
    if result["resultType"] in ("scalar", "string"):
        return True
    samples = [s["value"][1] for s in result["result"] if "value" in s]
    samples += [v[1] for s in result["result"] for v in s.get("values", [])]
    return any(not math.isnan(float(v)) for v in samples)


def check_once(prometheus, queries, variable_queries):
    """Returns (errors, missing): errors never go away by waiting; missing may."""
    errors, missing = [], []
    for where, expr in queries:
        reply = prom(prometheus, "/api/v1/query", {"query": expr})
        if reply.get("status") != "success":
            errors.append(f"{where}: {reply.get('error', reply)}\n      {expr}")
        elif not has_data(reply["data"]):
            missing.append(f"{where}: no data\n      {expr}")
    for name, metric, label in variable_queries:
        reply = prom(prometheus, "/api/v1/series", {"match[]": metric})
        if reply.get("status") != "success":
            errors.append(f"variable ${name}: {reply.get('error', reply)}")
        elif not any(label in series for series in reply["data"]):
            missing.append(f"variable ${name}: no {metric} series with label {label}")
    names = sorted({n for _, expr in queries for n in metric_names(expr)})
    for name in names:
        reply = prom(prometheus, "/api/v1/series", {"match[]": name})
        if reply.get("status") != "success" or not reply["data"]:
            missing.append(f"metric {name}: never scraped")
    return errors, missing


def queries(prometheus, dashboard_file, deadline_seconds):
    with open(dashboard_file) as f:
        dashboard = json.load(f)
    values = template_values(dashboard)
    found = [(where, substitute(expr, values)) for where, expr in panel_queries(dashboard.get("panels", []))]
    if not found:
        raise SystemExit(f"no panel queries in {dashboard_file}")
    variable_queries = []
    for var in dashboard.get("templating", {}).get("list", []):
        query = var.get("query")
        text = query.get("query", "") if isinstance(query, dict) else str(query or "")
        match = re.fullmatch(r"\s*label_values\(\s*([^,]+?)\s*,\s*(\w+)\s*\)\s*", text)
        if var.get("type") == "query":
            if not match:
                raise SystemExit(f"variable ${var['name']}: only label_values(metric, label) is checked: {text}")
            variable_queries.append((var["name"], match.group(1), match.group(2)))
    print(f"[dashboard-check] {len(found)} panel queries, {len(variable_queries)} variable queries")
    deadline = time.monotonic() + deadline_seconds
    while True:
        errors, missing = check_once(prometheus, found, variable_queries)
        if errors:
            print("[dashboard-check] queries that Prometheus refused:\n  " + "\n  ".join(errors), file=sys.stderr)
            return 1
        if not missing:
            for where, expr in found:
                print(f"  ok  {where}")
            return 0
        if time.monotonic() > deadline:
            print("[dashboard-check] still without data at the deadline:\n  " + "\n  ".join(missing),
                  file=sys.stderr)
            return 1
        time.sleep(2)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "load":
        load(sys.argv[2], float(sys.argv[3]), sys.argv[4])
    elif len(sys.argv) == 5 and sys.argv[1] == "queries":
        sys.exit(queries(sys.argv[2], sys.argv[3], float(sys.argv[4])))
    else:
        sys.exit(__doc__)
