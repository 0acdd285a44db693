#!/usr/bin/env bash
# Benchmarks the LLM pass: the wall time of the four agents' LLM calls in parallel (llm.concurrency 4) and one
# after another (llm.concurrency 1), and their ratio, in one run, against
#   1. the scripted server (scripts/llm-test-server.py) answering every request after a fixed delay (target: ratio
#      at least 3.5, i.e. the client does not serialise), and
#   2. the real local model (scripts/llm-server: llama-server with SmolLM2-135M-Instruct; on 2 cores the model is
#      compute-bound, so the ratio is reported, not targeted).
# The time is the report's llm.durationMs (the LLM stage of the review, all agents), median of RUNS runs, each
# with --no-cache. It prints the numbers and asserts nothing.
#
# Environment:
#   BUILD_DIR    scratch path of the release build (default .build)
#   DELAY        seconds the scripted server waits before each answer (default 1.0)
#   RUNS         runs per configuration against the scripted server (default 3)
#   REAL_RUNS    runs per configuration against the real model (default 1; 0 skips the real model)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build_dir="${BUILD_DIR:-.build}"
delay="${DELAY:-1.0}"
runs="${RUNS:-3}"
real_runs="${REAL_RUNS:-1}"

swift build -c release --product reviewbot --scratch-path "$build_dir" >/dev/null
binary="$root/$build_dir/release/reviewbot"
work="$(mktemp -d)"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# A change that gives each of the four agents one request: Python, JavaScript and HTML.
repo="$work/repo"
mkdir -p "$repo/api" "$repo/web"
git -C "$repo" init -q -b main
git -C "$repo" -c user.email=b@e.nch -c user.name=bench commit -q --allow-empty -m initial
cat >"$repo/api/users.py" <<'EOF'
# run
import sqlite3


def find_user(conn, user_id):
    cursor = conn.cursor()
    # reviewbot:ignore security.sql-injection (the benchmark's deliberately unsafe sample)
    cursor.execute("SELECT * FROM users WHERE id = " + user_id)
    return cursor.fetchone()
EOF
cat >"$repo/web/app.js" <<'EOF'
// run
function show(name) {
  const box = document.getElementById("greeting");
  box.innerHTML = "Hello " + name;
}
EOF
cat >"$repo/web/index.html" <<'EOF'
<!-- run -->
<html>
  <body>
    <img src="logo.png">
    <input type="text" name="q">
  </body>
</html>
EOF
git -C "$repo" add -A
git -C "$repo" -c user.email=b@e.nch -c user.name=bench commit -q -m change

# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# fresh_change: rewrites the reviewed commit with a new first line in each file, so no run reuses the prompts (and
# the server-side prompt cache) of an earlier one.
fresh_change() {
    local nonce="run $RANDOM$RANDOM"
    sed -i "1s/^.*$/# $nonce/" "$repo/api/users.py"
    sed -i "1s/^.*$/\/\/ $nonce/" "$repo/web/app.js"
    sed -i "1s/^.*$/<!-- $nonce -->/" "$repo/web/index.html"
    git -C "$repo" add api web
    git -C "$repo" -c user.email=b@e.nch -c user.name=bench commit -q --amend -m change
}

# stage_ms URL MODEL CONCURRENCY MAX_TOKENS: one review; prints the LLM stage's milliseconds and its request count.
stage_ms() {
    fresh_change
    cat >"$repo/.reviewbot.yml" <<EOF
llm:
  base_url: $1
  model: "$2"
  concurrency: $3
  max_tokens: $4
  deadline: 900
  timeouts: {request: 600, idle: 300}
EOF
    "$binary" review -C "$repo" HEAD~1..HEAD --format json --no-cache >"$work/report.json" 2>/dev/null || true
    python3 - "$work/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
llm = report.get("llm") or {}
print(llm.get("durationMs", -1), llm.get("requests", 0), len(llm.get("failures", [])))
PY
}

# compare LABEL URL MODEL MAX_TOKENS RUNS
compare() {
    local label="$1" url="$2" model="$3" tokens="$4" n="$5" i
    : >"$work/parallel"
    : >"$work/serial"
    local requests failures
    for ((i = 0; i < n; i++)); do
        read -r ms requests failures < <(stage_ms "$url" "$model" 4 "$tokens")
        echo "$ms" >>"$work/parallel"
        read -r ms requests failures < <(stage_ms "$url" "$model" 1 "$tokens")
        echo "$ms" >>"$work/serial"
    done
    local parallel serial
    parallel="$(median <"$work/parallel")"
    serial="$(median <"$work/serial")"
    printf '%-34s parallel %8.0f ms   one after another %8.0f ms   ratio %5.2fx   (%s requests, %s failed agents, median of %s)\n' \
        "$label" "$parallel" "$serial" "$(awk -v s="$serial" -v p="$parallel" 'BEGIN { print (p > 0 ? s / p : 0) }')" \
        "$requests" "$failures" "$n"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 scripts/llm-test-server.py --log "$work/scripted.log" >"$work/port" 2>/dev/null &
server_pid=$!
for _ in $(seq 1 50); do grep -q PORT "$work/port" 2>/dev/null && break; sleep 0.1; done
port="$(awk '/PORT/ { print $2 }' "$work/port")"
compare "scripted server, ${delay} s per answer" "http://127.0.0.1:$port/v1" "scripted:delay:$delay" 256 "$runs"
kill "$server_pid" 2>/dev/null || true
server_pid=""

if [ "$real_runs" -gt 0 ]; then
    started=""
    if ! url="$(scripts/llm-server url 2>/dev/null)"; then
        url="$(scripts/llm-server start)"
        started=1
    fi
    compare "llama-server SmolLM2-135M (2 cores)" "$url/v1" "smollm2-135m-instruct" 128 "$real_runs"
    if [ -n "$started" ]; then scripts/llm-server stop; fi
fi
