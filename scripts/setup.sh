#!/usr/bin/env bash
# Installs the Debian packages reviewbot builds against (libgit2, libcurl, pkg-config).
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
