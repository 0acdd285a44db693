#!/usr/bin/env bash
# Fuzzes reviewbot with libFuzzer for a bounded time per target, and files what it finds as bad-input fixtures.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      SECONDS per target (default 300); TARGETs: rules config answer diff
#
# Targets (Fuzz/, a package of its own that depends on this one by path, so the main build is untouched):
#   rules   the lexer and the rule engine: one input is `name\ncontent`, a file whose every line is added
#   config  the configuration and custom-rule loader: one input is a `.reviewbot.yml`
#   answer  the LLM answer reader: one input is a model's answer, as text and as the provider's response body
#   diff    libgit2's patch of two texts, the hunks and added lines, the rules and the fixer's line patch:
#           one input is `name\nOLD\n====\nNEW` (no `====` line: an added file)
#
# Each target is built in release with `--sanitize=fuzzer` and run with -max_total_time=SECONDS, -timeout (an
# input slower than FUZZ_TIMEOUT seconds is a failure) and -rss_limit_mb. Its corpus lives outside the checkout
# (FUZZ_CORPUS/<target>, default ~/.cache/reviewbot/fuzz) and is seeded on every run from Fuzz/Seeds, Fixtures/marked,
# Fixtures/bad-inputs/<target> (less those in its known-slow.txt) and the README's configuration examples. A
# crash, timeout or out-of-memory input is copied to Fixtures/bad-inputs/<target>/ (where BadInputCorpusTests
# reviews it with the real binary), and the script exits non-zero. It ends with one line per target: executions,
# corpus size, the slowest input, the result.
#
# Environment: FUZZ_TIMEOUT (seconds per input, default 2), FUZZ_RSS_MB (default 2048), FUZZ_MAX_LEN (bytes per
# input, default 16384), FUZZ_CORPUS (corpus root), FUZZ_SCRATCH (build folder, default Fuzz/.build),
# FUZZ_SEED_KNOWN_SLOW=1 (seed the known-slow inputs too), FUZZ_KEEP_GOING=1 (libFuzzer's fork mode: a crash or
# timeout is filed and the run goes on, to collect several in one run).
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${1:-300}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(rules config answer diff)
per_input="${FUZZ_TIMEOUT:-2}"
rss="${FUZZ_RSS_MB:-2048}"
max_len="${FUZZ_MAX_LEN:-16384}"
corpus_root="${FUZZ_CORPUS:-$HOME/.cache/reviewbot/fuzz}"
scratch="${FUZZ_SCRATCH:-$root/Fuzz/.build}"
fixtures="$root/Fixtures/bad-inputs"
marker=$'\n====\n'

case "$seconds" in '' | *[!0-9]*)
    echo "usage: scripts/fuzz.sh [SECONDS] [rules|config|answer|diff ...]" >&2
    exit 3
    ;;
esac

binary_of() {
    case "$1" in
    rules) echo FuzzRules ;;
    config) echo FuzzConfig ;;
    answer) echo FuzzAnswer ;;
    diff) echo FuzzDiff ;;
    *) return 1 ;;
    esac
}
for target in "${targets[@]}"; do
    binary_of "$target" >/dev/null || {
        echo "fuzz.sh: unknown target $target (rules, config, answer, diff)" >&2
        exit 3
    }
done

# --- build ---------------------------------------------------------------------------------------

echo "== building the fuzz targets (release, --sanitize=fuzzer, scratch path $scratch)"
build_log="$(mktemp "${TMPDIR:-/tmp}/reviewbot-fuzz-build.XXXXXX")"
if ! swift build -c release --package-path Fuzz --scratch-path "$scratch" --sanitize=fuzzer \
    -Xswiftc -enable-testing >"$build_log" 2>&1; then
    tail -40 "$build_log" >&2
    echo "fuzz.sh: the build failed (log: $build_log)" >&2
    exit 1
fi
rm -f "$build_log"
bin_dir="$(swift build -c release --package-path Fuzz --scratch-path "$scratch" --show-bin-path)"

# --- seeds ---------------------------------------------------------------------------------------

# seed_named DIR FILE: FILE as an input that starts with its name on a line.
seed_named() { { printf '%s\n' "$(basename "$2")"; cat "$2"; } >"$1/seed-$(basename "$2")"; }

# The YAML blocks of the README, one file each: every documented configuration key.
readme_configs() {
    awk -v dir="$1" '
        /^```ya?ml/ { n++; out = dir "/seed-readme-" n ".yml"; inside = 1; next }
        /^```/ { inside = 0; next }
        inside { print > out }
    ' README.md
}

# known_slow TARGET/NAME: whether Fixtures/bad-inputs/known-slow.txt lists the input (it would end every run at once).
known_slow() {
    [ "${FUZZ_SEED_KNOWN_SLOW:-}" != 1 ] && grep -q "^$1 " "$fixtures/known-slow.txt" 2>/dev/null
}

# copy_fixtures TARGET DIR: the target's bad inputs as seeds (raw, or `.named` as they are).
copy_fixtures() {
    local file
    for file in "$fixtures/$1"/*; do
        [ -f "$file" ] || continue
        known_slow "$1/$(basename "$file")" && continue
        if [ "$1" = rules ] && [ "${file%.named}" = "$file" ]; then
            seed_named "$2" "$file"
        else
            cp "$file" "$2/seed-$(basename "$file")"
        fi
    done
}

seed() {
    local target="$1" dir="$2" file
    mkdir -p "$dir"
    rm -f "$dir"/seed-*
    case "$target" in
    rules)
        for file in Fixtures/marked/*; do seed_named "$dir" "$file"; done
        ;;
    config)
        cp .reviewbot.yml "$dir/seed-reviewbot.yml"
        readme_configs "$dir"
        ;;
    answer)
        for file in Fuzz/Seeds/answer/*; do cp "$file" "$dir/seed-$(basename "$file")"; done
        ;;
    diff)
        for file in Fixtures/marked/*; do
            { printf '%s\n' "$(basename "$file")"; head -n 15 "$file"; printf '%s' "$marker"; cat "$file"; } \
                >"$dir/seed-$(basename "$file")"
        done
        ;;
    esac
    copy_fixtures "$target" "$dir"
}

# --- run -----------------------------------------------------------------------------------------

# stat NAME LOG: the last value of libFuzzer's final statistic NAME.
stat() { sed -n "s/^stat::$1: *//p" "$2" | tail -1; }

failed=0
summary=()
for target in "${targets[@]}"; do
    binary="$(binary_of "$target")"
    corpus="$corpus_root/$target"
    artifacts="$(mktemp -d "${TMPDIR:-/tmp}/reviewbot-fuzz-$target.XXXXXX")"
    log="$artifacts/fuzz.log"
    seed "$target" "$corpus"
    echo "== $target: $seconds s, -timeout=$per_input -rss_limit_mb=$rss -max_len=$max_len, corpus $corpus"
    keep_going=()
    [ "${FUZZ_KEEP_GOING:-}" = 1 ] && keep_going=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    # The Swift runtime's backtracer would take the crash from libFuzzer, which then saves no input.
    SWIFT_BACKTRACE=enable=no "$bin_dir/$binary" "${keep_going[@]}" -max_total_time="$seconds" -timeout="$per_input" \
        -rss_limit_mb="$rss" -max_len="$max_len" -report_slow_units=1 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1
    status=$?
    execs="$(stat number_of_executed_units "$log")"
    [ -n "$execs" ] || execs="$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -1)"
    slowest="$(sed -n 's/^Slowest unit: \([0-9]*\) s.*/\1/p' "$log" | sort -n | tail -1)"
    units="$(find "$corpus" -type f | wc -l)"
    result="ok"
    found=0
    for artifact in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-* \
        "$artifacts"/slow-unit-*; do
        [ -f "$artifact" ] || continue
        kind="$(basename "$artifact")"
        kind="${kind%%-*}"
        [ "$kind" = "slow" ] && continue
        sha="$(sha1sum "$artifact" | cut -c1-12)"
        case "$target" in
        rules | diff) name="$kind-$sha.named" ;;
        config) name="$kind-$sha.yml" ;;
        answer) name="$kind-$sha.txt" ;;
        esac
        mkdir -p "$fixtures/$target"
        cp "$artifact" "$fixtures/$target/$name"
        echo "   $kind: Fixtures/bad-inputs/$target/$name"
        found=$((found + 1))
        result="FOUND $kind"
    done
    if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
        failed=1
        [ "$found" -eq 0 ] && result="FAILED (exit $status)"
        grep -E "ERROR: libFuzzer|Fatal error|SUMMARY|ALARM|==ERROR" "$log" | head -5 | sed 's/^/   /'
        echo "   log: $log"
    elif ls "$artifacts"/slow-unit-* >/dev/null 2>&1; then
        echo "   inputs over 1 s (under the timeout): $artifacts/slow-unit-*"
    else
        rm -rf "$artifacts"
    fi
    summary+=("$(printf '%-7s %5s s  %10s execs  %6s inputs  slowest %3s s  %s' "$target" "$seconds" \
        "${execs:-?}" "$units" "${slowest:-0}" "$result")")
done

echo "== summary"
printf '%s\n' "${summary[@]}"
exit "$failed"
