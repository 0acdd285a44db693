#!/usr/bin/env bash
# Sets up the machine (idempotently) and runs the whole test suite, the real-model LLM tests included.
#
# Those tests need llama.cpp's llama-server serving SmolLM2-135M-Instruct: scripts/llm-server builds it once
# (about 6 minutes on 2 cores, cached outside the checkout) and starts it; this script stops it again unless it
# was already running. REVIEWBOT_TEST_LLM_URL=http://127.0.0.1:PORT uses a server of your own instead;
# REVIEWBOT_SKIP_REAL_MODEL=1 skips them (they are reported as skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build --product reviewbot

if [ -z "${REVIEWBOT_TEST_LLM_URL:-}" ] && [ "${REVIEWBOT_SKIP_REAL_MODEL:-}" != "1" ]; then
    if url="$(scripts/llm-server url 2>/dev/null)"; then
        export REVIEWBOT_TEST_LLM_URL="$url"
    elif url="$(scripts/llm-server start)"; then
        export REVIEWBOT_TEST_LLM_URL="$url"
        trap 'scripts/llm-server stop' EXIT
    else
        echo "############################################################################################" >&2
        echo "# REAL-MODEL LLM TESTS WILL BE SKIPPED: scripts/llm-server could not build or start llama-server #" >&2
        echo "############################################################################################" >&2
    fi
fi
swift test "$@"
