#!/usr/bin/env bash
# Times a reviewbot binary on every input of Fixtures/bad-inputs/ (as BadInputCorpusTests reviews them: a scratch
# repository per input, `review HEAD~1..HEAD --format json`) and prints the slowest first. It asserts nothing.
#
#   scripts/bad-inputs-bench.sh [BINARY]      default: .build/release/reviewbot
#
# Environment: TOP (rows printed, default 15; 0 prints all), LIMIT (seconds before an input's review is killed,
# default 30), SKIP_KNOWN_SLOW=1 (leave out the inputs of Fixtures/bad-inputs/known-slow.txt).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
binary="$(cd "$(dirname "${1:-$root/.build/release/reviewbot}")" && pwd)/$(basename "${1:-reviewbot}")"
fixtures="$root/Fixtures/bad-inputs"
top="${TOP:-15}"
limit="${LIMIT:-30}"
[ -x "$binary" ] || { echo "bad-inputs-bench: no binary at $binary" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/reviewbot-bad-inputs.XXXXXX")"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

export GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1
git_repo() { # git_repo DIR: an empty repository with one commit
    git init --quiet "$1"
    git -C "$1" config user.name bench
    git -C "$1" config user.email bench@example.invalid
    git -C "$1" config commit.gpgsign false
    echo "# scratch" >"$1/README.md"
    commit "$1" initial
}
commit() { git -C "$1" add -A && git -C "$1" commit --quiet --allow-empty -m "$2"; }

# named FILE DIR: the `name\ncontent` input FILE; prints the name, writes the content to DIR/content.
named() {
    local name
    name="$(head -c 101 "$1" | head -n 1 | tr -cd 'A-Za-z0-9._-')"
    if [ "$(head -c 101 "$1" | tr -cd '\n' | wc -c)" -eq 0 ]; then
        cp "$1" "$2/content"
        name=""
    else
        tail -c +"$(($(head -n 1 "$1" | wc -c) + 1))" "$1" >"$2/content"
    fi
    case "$name" in '' | *[!.]*) ;; *) name="" ;; esac
    echo "${name:-input.txt}"
}

server_url=""
start_server() {
    python3 "$root/scripts/llm-test-server.py" --lifetime 3600 >"$work/server.out" 2>/dev/null &
    server_pid=$!
    for _ in $(seq 50); do
        grep -q '^PORT ' "$work/server.out" 2>/dev/null && break
        sleep 0.1
    done
    server_url="http://127.0.0.1:$(sed -n 's/^PORT //p' "$work/server.out")/v1"
}

# prepare TARGET FILE: prepares the repository of one input in $work/repo and prints the command's extra arguments.
prepare() {
    local target="$1" file="$2" repo="$work/repo" name
    rm -rf "$repo" "$work/parts"
    mkdir -p "$work/parts"
    git_repo "$repo"
    case "$target" in
    rules)
        if [ "${file%.named}" != "$file" ]; then
            name="$(named "$file" "$work/parts")"
            cp "$work/parts/content" "$repo/$name"
        else
            cp "$file" "$repo/$(basename "$file")"
        fi
        commit "$repo" "bad input"
        ;;
    diff)
        name="$(named "$file" "$work/parts")"
        python3 - "$work/parts/content" "$work/parts" <<'EOF'
import sys
data = open(sys.argv[1], "rb").read()
at = data.find(b"\n====\n")
if at >= 0:
    open(sys.argv[2] + "/old", "wb").write(data[:at])
open(sys.argv[2] + "/new", "wb").write(data[at + 6:] if at >= 0 else data)
EOF
        if [ -f "$work/parts/old" ]; then
            cp "$work/parts/old" "$repo/$name"
            commit "$repo" "old version"
        fi
        cp "$work/parts/new" "$repo/$name"
        commit "$repo" "bad input"
        ;;
    config)
        printf '%s\n' "import os" "os.system('ls ' + name)" "value = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!" \
            'password = "hunter2"' >"$repo/app.py"
        commit "$repo" change
        echo "--config $file"
        ;;
    answer)
        for i in $(seq 20); do echo "value_$i = compute($i)"; done >"$repo/app.py"
        commit "$repo" change
        printf 'llm:\n  base_url: %s\n  model: "scripted:file:%s"\n  deadline: 8\n' "$server_url" "$file" \
            >"$work/llm.yml"
        echo "--config $work/llm.yml --no-cache"
        ;;
    esac
}

# The scripted model that answers with an input's text (scripts/llm-test-server.py's `file:` scenario).
start_server

now_ms() { echo $(($(date +%s%N) / 1000000)); }
: >"$work/times"
count=0
for target in rules config answer diff; do
    for file in "$fixtures/$target"/*; do
        [ -f "$file" ] || continue
        key="$target/$(basename "$file")"
        slow=""
        grep -q "^$key " "$fixtures/known-slow.txt" 2>/dev/null && slow="known slow"
        [ -n "$slow" ] && [ "${SKIP_KNOWN_SLOW:-}" = 1 ] && continue
        extra="$(prepare "$target" "$file")"
        start="$(now_ms)"
        status=0
        # shellcheck disable=SC2086 # the extra arguments are words
        (cd "$work/repo" && timeout "$limit" "$binary" review HEAD~1..HEAD --format json $extra >"$work/out.json" \
            2>"$work/err.txt") || status=$?
        elapsed=$(($(now_ms) - start))
        result="exit $status"
        [ "$status" -eq 124 ] && result="killed after $limit s"
        [ "$status" -le 2 ] && ! grep -q '"verdict"' "$work/out.json" && result="exit $status, no report"
        printf '%d\t%s\t%s\t%s\n' "$elapsed" "$result" "$key" "$slow" >>"$work/times"
        count=$((count + 1))
    done
done

echo "== the slowest of $count bad inputs (Fixtures/bad-inputs; $binary)"
printf '%10s  %-22s %s\n' "ms" "result" "input"
sort -rn "$work/times" | if [ "$top" -gt 0 ]; then head -n "$top"; else cat; fi |
    awk -F'\t' '{ printf "%10d  %-22s %s%s\n", $1, $2, $3, ($4 == "" ? "" : "  (" $4 ")") }'
