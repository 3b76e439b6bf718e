#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang 14, ASan+UBSan) in build-fuzz/ and
# runs each for SECONDS (default 60), one after the other. Exits non-zero as
# soon as a target crashes, hangs (over 10 s on one input) or breaks one of its
# properties; the input that did it is left in build-fuzz/artifacts/<target>/.
#
#   scripts/fuzz.sh [SECONDS]            all targets
#   FUZZ_TARGETS="html warc" scripts/fuzz.sh 300
#
# Seeds come from fuzz/corpus/<target>/ and are never modified: new inputs
# libFuzzer finds go to build-fuzz/corpus/<target>/, kept between runs.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${1:-60}
BUILD=${FUZZ_BUILD_DIR:-build-fuzz}
TARGETS=${FUZZ_TARGETS:-"jsonl html warc normalize quotes"}

scripts/setup-fuzz.sh
CC=clang-14 CXX=clang++-14 cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCHORUS_FUZZ=ON -DCHORUS_SANITIZE=ON -DCHORUS_BUILD_TESTS=OFF -DCHORUS_BUILD_BENCH=OFF >/dev/null
names=()
for t in $TARGETS; do names+=("fuzz_$t"); done
cmake --build "$BUILD" -j "${JOBS:-$(nproc)}" --target "${names[@]}"

status=0
for t in $TARGETS; do
  mkdir -p "$BUILD/corpus/$t" "$BUILD/artifacts/$t"
  echo "fuzz: $t for ${SECONDS_EACH}s" >&2
  log="$BUILD/fuzz_$t.log"
  if ! "$BUILD/fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$BUILD/artifacts/$t/" \
      "$BUILD/corpus/$t" "fuzz/corpus/$t" >"$log" 2>&1; then
    echo "fuzz: $t FAILED; see $log and $BUILD/artifacts/$t/" >&2
    tail -n 40 "$log" >&2
    status=1
    break
  fi
  grep -E '^stat::number_of_executed_units|^#[0-9]+ *DONE' "$log" | tail -n 2 >&2 || true
done
exit $status
