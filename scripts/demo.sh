#!/usr/bin/env bash
# The quick-start demo: runs chorus on the articles shipped in examples/ and
# prints a human summary. Needs nothing outside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
CHORUS=${1:-build/chorus}

echo "# chorus $("$CHORUS" --version | cut -d' ' -f2) on examples/ (an invented event: a bridge reopening in Port Calder)"
echo
echo "## Articles as chorus reads them (chorus read --pretty examples/)"
echo
"$CHORUS" read --pretty examples/
