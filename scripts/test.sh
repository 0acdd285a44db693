#!/usr/bin/env bash
# Sets up the machine (idempotently) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build --product reviewbot
swift test "$@"
