#!/usr/bin/env bash
# The quick-start demo: runs chorus on the articles shipped in examples/ (an
# invented event: a bridge reopening in Port Calder, reported by four outlets,
# plus a follow-up a month later) and prints a human summary. Needs nothing
# outside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
CHORUS=${1:-build/chorus}

echo "# chorus $("$CHORUS" --version | cut -d' ' -f2) on examples/"
echo
echo "## Stories (chorus stories --pretty examples/)"
echo
"$CHORUS" stories --pretty -q examples/
echo "## Who said what (chorus quotes --pretty examples/)"
echo
"$CHORUS" quotes --pretty -q examples/
echo "## The articles as chorus reads them (chorus read --pretty examples/)"
echo
"$CHORUS" read --pretty examples/
