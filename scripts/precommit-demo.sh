#!/usr/bin/env bash
# Shows .pre-commit-hooks.yaml working through the pre-commit framework (https://pre-commit.com), as a user
# would install it: pre-commit from PyPI in a virtualenv, a scratch repository whose .pre-commit-config.yaml
# points at a clone of this checkout at a commit, then
#   1. a commit that adds a private key (critical) is blocked,
#   2. a clean commit passes,
#   3. a push of a commit with a high finding (committed with --no-verify) is blocked at pre-push.
# Exits 0 when all three behave, 1 otherwise.
#
# The first run builds reviewbot in release mode inside pre-commit's cache (minutes on two cores); later runs
# reuse it when PRE_COMMIT_HOME is kept. Environment: REV (default HEAD; the commit the config pins),
# PRE_COMMIT_HOME (default: a temporary folder), PRE_COMMIT_VENV (default: a temporary virtualenv).
set -euo pipefail
checkout=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rev=$(git -C "$checkout" rev-parse "${REV:-HEAD}")
export PRE_COMMIT_HOME=${PRE_COMMIT_HOME:-$work/pre-commit-home}
venv=${PRE_COMMIT_VENV:-$work/venv}
if [ ! -x "$venv/bin/pre-commit" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet pre-commit
fi
pre_commit="$venv/bin/pre-commit"
echo "precommit-demo: $("$pre_commit" --version), reviewbot at ${rev:0:12}"

git clone --quiet "$checkout" "$work/reviewbot"
git init --quiet --bare "$work/remote.git"
app="$work/app"
git init --quiet -b main "$app"
cd "$app"
git config user.email demo@example.com
git config user.name "pre-commit demo"
git config commit.gpgsign false
git remote add origin "$work/remote.git"
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $work/reviewbot
    rev: $rev
    hooks:
      - id: reviewbot
YAML
"$pre_commit" install --hook-type pre-commit --hook-type pre-push >/dev/null

failures=0
expect() { # expect <0|nonzero> <what> <command...>
    local want=$1 what=$2 status=0
    shift 2
    "$@" >"$work/out" 2>&1 || status=$?
    if { [ "$want" = 0 ] && [ "$status" = 0 ]; } || { [ "$want" != 0 ] && [ "$status" != 0 ]; }; then
        echo "ok   $what (exit $status)"
    else
        echo "FAIL $what (exit $status)"
        failures=$((failures + 1))
    fi
    sed 's/^/     | /' "$work/out" | grep -v '^     | *$' | tail -n 12
}

start=$(date +%s)
git add .pre-commit-config.yaml
expect 0 "first commit (pre-commit installs the hook: swift build -c release)" git commit -q -m "pre-commit config"
echo "     (first commit took $(($(date +%s) - start)) s, building included)"

mkdir -p deploy
printf -- '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n' >deploy/key.pem # reviewbot:ignore security.private-key
git add deploy/key.pem
expect 1 "a commit that adds a private key is blocked" git commit -q -m "add a key"
git rm -q --cached deploy/key.pem && rm -r deploy

printf 'def add(a, b):\n    return a + b\n' >calc.py
git add calc.py
start=$(date +%s%N)
expect 0 "a clean commit passes" git commit -q -m "add calc"
echo "     (the clean commit took $((($(date +%s%N) - start) / 1000000)) ms with the hook)"
expect 0 "pushing main" git push -q origin main

printf 'import requests\nrequests.get(url, verify=False)\n' >client.py
git add client.py
git commit -q --no-verify -m "insecure client"
expect 1 "a push with a high finding is blocked at pre-push" git push -q origin main

if [ "$failures" -gt 0 ]; then
    echo "precommit-demo: $failures step(s) did not behave" >&2
    exit 1
fi
echo "precommit-demo: all steps behaved"
