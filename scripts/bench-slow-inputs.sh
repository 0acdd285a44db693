#!/usr/bin/env bash
# The slowest inputs known (issue 11, item 5; the corpus: scripts/bad-inputs-bench.sh): each is committed to a scratch
# repository and reviewed once with the release binary; prints a table of the time per input. It asserts
# nothing; the targets are: every built-in-rule input under 1 s, a catastrophic custom pattern ending within
# the review deadline with a note (or refused at load), every LLM fault ending within its deadline with a report.
#
#   scripts/bench-slow-inputs.sh [BINARY]      (default .build/release/reviewbot; bench.sh passes its build)
#
# Environment: SKIP_LLM=1  leave out the LLM faults (they start scripts/llm-test-server.py)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
binary="$(cd "$root" && realpath "${1:-.build/release/reviewbot}")"
[ -x "$binary" ] || { echo "bench-slow-inputs: no binary at $binary (build with swift build -c release)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/reviewbot-slow.XXXXXX")"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

now_ms() { local t="${EPOCHREALTIME/[.,]/}"; echo $((t / 1000)); }

# --- inputs ----------------------------------------------------------------------------------------

python3 - "$work/inputs" <<'PY'
import os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)

def write(name, text):
    with open(os.path.join(out, name), "w") as handle:
        handle.write(text)

def ordinary_python(lines, first=""):
    result = [first] if first else []
    i = 0
    while len(result) < lines:
        result += [
            f"class Worker{i}(object):", f'    """Processes batch {i} of the records."""', "",
            f"    def __init__(self, name, size={i}):", "        self.name = name", "        self.size = size",
            "        self.items = []  # the pending records", "",
            "    def run(self, records):", "        for record in records:",
            "            if record.get('kind') == 'x':", "                self.items.append(record)",
            f"        return len(self.items) + {i}", "",
        ]
        i += 1
    return "\n".join(result[:lines]) + "\n"

# `import hashlib as h` in an ordinary 3,000-line module (5.9 s before)
write("alias-module.py", ordinary_python(3000, "import hashlib as h"))
# the same alias with many calls, 100 KB (27 s before); one weak call at the end
calls = ["import hashlib as h", ""]
k = 0
while sum(len(line) + 1 for line in calls) < 100_000:
    calls.append(f"def digest_{k}(data):\n    return h.sha256(data).hexdigest() + h.blake2b(data).hexdigest()\n")
    k += 1
calls.append("weak = h.md5(b'x').hexdigest()\n")
write("alias-calls.py", "\n".join(calls))
# `<a` on 20,000 lines (over 60 s before)
write("markup.html", "<a\n" * 20_000)
# a Flask handler file of 811 KB (52 s before)
flask = ["from flask import Flask, request, jsonify", "import sqlite3", "app = Flask(__name__)", ""]
k = 0
while sum(len(line) + 1 for line in flask) < 811_000:
    flask += [
        f"@app.route('/items/{k}', methods=['GET', 'POST'])", f"def handler_{k}():",
        "    name = request.args.get('name', '')", "    page = int(request.args.get('page', 1))",
        "    conn = sqlite3.connect('app.db')", "    try:",
        "        rows = conn.execute('SELECT id, name FROM items WHERE name = ? LIMIT 10 OFFSET ?', (name, page * 10)).fetchall()",
        "    except Exception as error:", "        return jsonify({'error': str(error)}), 500",
        "    finally:", "        conn.close()", "    return jsonify([{'id': r[0], 'name': r[1]} for r in rows])", "",
    ]
    k += 1
write("handlers.py", "\n".join(flask) + "\n")
# 400,000 lines of `{` in JavaScript (47 s before)
write("braces.js", "{\n" * 400_000)
# Python blocks nested 1,400 deep (as deep as 1 MiB of indentation allows)
write("deep.py", "".join(" " * i + "if x:\n" for i in range(1400)))
# the fuzzer's finds (the data flow of shell and eval calls, an unclosed role attribute): seconds to minutes before
statements = 'import os\rx = eval(y)\rpassword = "p4ss"\r' * 40
write("lone-cr.py", "\n".join(["import os", "", "def fetch_all(urls, session):"]
      + ["    # " + statements * 2] * 4 + [" eval(y)\r" + statements]) + "\n")
write("comments.py", "\n".join(["import os", "", "def unpack(archive):"]
      + ["    # " + "the archive is unpacked in place, " * 30] * 40 + ['    os.system("tar xf " + archive)']) + "\n")
backslashes = "\\" * 1260
write("backslashes.py", "\n".join(["import os", "", "def run(command, code):", '    usage = """']
      + [backslashes, backslashes + "\r" + backslashes[:600] + "\r"] * 3
      + ['"""', "    os.system(command)", "    eval(code)"]) + "\n")
unclosed = '      <div role="bu        ObjectInputStreamFactoryBuilderProvider in = new x; // a"'
write("role.html", "\n".join(["<!doctype html>", '<html lang="en">', "<body>"] + [unclosed] * 4) + "\n")
# for the custom rules: long runs of letters that never end the way the patterns want (5 lines: not minified)
write("letters.py", ("a" * 3000 + "\n") * 5)
PY

# repo NAME FILE [CONFIG]: a repository whose last commit adds FILE (and CONFIG as .reviewbot.yml, first)
repo() {
    local dir="$work/repos/$1"
    mkdir -p "$dir"
    git -C "$dir" init -q
    git -C "$dir" config user.email bench@example.com
    git -C "$dir" config user.name bench
    if [ -n "${3:-}" ]; then printf '%s\n' "$3" >"$dir/.reviewbot.yml"; else : >"$dir/README"; fi
    git -C "$dir" add -A && git -C "$dir" commit -q -m base
    cp "$2" "$dir/"
    git -C "$dir" add -A && git -C "$dir" commit -q -m change
    echo "$dir"
}

rows=()
# run NAME DIR [ARGS...]: reviews HEAD of DIR once, adds a row to the table
run() {
    local name="$1" dir="$2" start end code=0 verdict note
    shift 2
    start=$(now_ms)
    REVIEWBOT_RULE_TIMES=200 "$binary" review HEAD -C "$dir" --format json --output "$dir/report.json" \
        --fail-on never "$@" >/dev/null 2>"$dir/stderr" || code=$?
    grep '^reviewbot: rule ' "$dir/stderr" | sed "s|^reviewbot: |  $name: |" >>"$work/slow-rules" || true
    end=$(now_ms)
    verdict="-"
    note="$({ grep -v '^reviewbot: rule ' "$dir/stderr" || true; } | head -c 110 | tr '\n' ' ')"
    if [ -s "$dir/report.json" ]; then
        verdict=$(jq -r '.verdict' "$dir/report.json")
        note=$(jq -r '[(.skipped[] | select(.reason == "time_budget") | .detail), (.agents[] | select(.status != "ok") | "\(.name): \(.note // "")")] | first // "" | .[0:110]' "$dir/report.json")
        [ -n "$note" ] || note="$(jq -r '"\(.findings | length) findings"' "$dir/report.json")"
    fi
    rows+=("$(printf '%-34s %8s %9.2f %5s %-16s %s' "$name" "$(du -k "$dir" --exclude=.git --exclude=report.json --exclude=stderr | tail -1 | cut -f1)K" \
        "$(awk -v a="$start" -v b="$end" 'BEGIN { print (b - a) / 1000 }')" "$code" "$verdict" "$note")")
}

inputs="$work/inputs"
for file in alias-module.py alias-calls.py markup.html handlers.py braces.js deep.py lone-cr.py comments.py \
    backslashes.py role.html; do
    run "$file" "$(repo "$file" "$inputs/$file")"
done

custom_rule() { # custom_rule ID PATTERN
    printf 'custom_rules:\n  - id: %s\n    category: quality\n    severity: low\n    languages: [python]\n    patterns: [%s]\n    message: bench\n' "$1" "$2"
}
run "custom (a+)+\$ (refused at load)" "$(repo custom-nested "$inputs/letters.py" "$(custom_rule team.nested "'(a+)+\$'")")"
run "custom \\w*\\w*\\w*\\w*\\w*! (budget)" \
    "$(repo custom-poly "$inputs/letters.py" "$(custom_rule team.poly "'\\w*\\w*\\w*\\w*\\w*!'")")"

if [ "${SKIP_LLM:-0}" != 1 ]; then
    port_file="$work/port"
    python3 "$root/scripts/llm-test-server.py" --port-file "$port_file" --stall 120 >/dev/null 2>&1 &
    server_pid=$!
    for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
    url="http://127.0.0.1:$(cat "$port_file")/v1"
    small="$work/inputs/small.py"
    printf 'import os\n\ndef main():\n    print(os.getcwd())\n' >"$small"
    for scenario in nested:1000000 nested-open:1000000 nested-body:1000000 nested:5000 huge:0.9 huge:6 hang; do
        dir="$(repo "llm-$scenario" "$small" "$(printf 'llm:\n  deadline: 20\n  timeouts:\n    request: 30\n')")"
        run "llm $scenario (deadline 20 s)" "$dir" --llm-provider openai --llm-base-url "$url" \
            --llm-model "scripted:$scenario"
    done
fi

echo
echo "== slowest inputs (release build, one run each; exit = reviewbot's exit code)"
printf '%-34s %9s %9s %5s %-16s %s\n' input size seconds exit verdict "note / first skipped detail"
printf '%s\n' "${rows[@]}"
if [ -s "$work/slow-rules" ]; then
    echo
    echo "rules that took over 200 ms on one file (REVIEWBOT_RULE_TIMES):"
    cat "$work/slow-rules"
fi
