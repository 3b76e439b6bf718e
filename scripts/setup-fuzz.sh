#!/usr/bin/env bash
# Installs what the fuzz targets need on top of scripts/setup.sh: Debian's
# clang 14 and its sanitizer/libFuzzer runtimes. Only scripts/fuzz.sh needs
# these; the normal build and tests use g++ alone. Idempotent; needs root (or sudo).
set -euo pipefail

"$(dirname "$0")/setup.sh"

PACKAGES=(clang-14 libclang-rt-14-dev)
missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0

echo "setup-fuzz: installing ${missing[*]}" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup-fuzz: done" >&2
