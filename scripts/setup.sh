#!/usr/bin/env bash
# Installs the Debian packages reviewbot builds against (libgit2, libcurl, pkg-config), and Python's
# jsonschema for the SARIF tests.
# Idempotent: installs only what is missing, and does nothing when everything is there.
set -euo pipefail

packages=(libgit2-dev libcurl4-openssl-dev pkg-config git)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
pkg-config --exists libgit2 libcurl || { echo "setup: pkg-config cannot find libgit2 or libcurl" >&2; exit 1; }

# The tests validate every SARIF report against the schema with Python's jsonschema.
if ! python3 -c 'import jsonschema' 2>/dev/null; then
    echo "setup: installing jsonschema for python3" >&2
    python3 -m pip install --quiet --user jsonschema 2>/dev/null ||
        python3 -m pip install --quiet --user --break-system-packages jsonschema 2>/dev/null || {
        sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-jsonschema >/dev/null
    }
    python3 -c 'import jsonschema' || { echo "setup: python3 cannot import jsonschema" >&2; exit 1; }
fi
