#!/usr/bin/env bash
# Installs every Debian package chorus needs to build, test and benchmark.
# Idempotent and fast when everything is already there: it only calls apt-get
# when dpkg reports a package missing. Non-interactive; needs root (or sudo).
set -euo pipefail

PACKAGES=(
  g++ cmake ninja-build pkg-config make
  libsimdjson-dev libgumbo-dev libcli11-dev libxxhash-dev libutf8proc-dev zlib1g-dev libstemmer-dev
  liblbfgs-dev
  libsqlite3-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3
)

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done" >&2
