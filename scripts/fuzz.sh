#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang 14) and runs each for SECONDS
# (default 60), one after the other. Exits non-zero as soon as a target
# crashes, hangs (over 10 s on one input) or breaks one of its properties; the
# input that did it is left in $BUILD/artifacts/<target>/.
#
#   scripts/fuzz.sh [SECONDS]            all targets, ASan + UBSan (build-fuzz/)
#   FUZZ_TARGETS="html warc" scripts/fuzz.sh 300
#   FUZZ_SANITIZE=ubsan FUZZ_ARGS="-fork=2" scripts/fuzz.sh 3600
#
# FUZZ_SANITIZE: asan (default: AddressSanitizer + UBSan, build-fuzz/) or ubsan
# (UBSan only, build-fuzz-fast/: several times the executions per second, for
# long campaigns). FUZZ_MAX_LEN: the largest input libFuzzer makes (default
# 4096; bigger inputs cost time without finding more: the seeds and the
# hostile-input timings cover size). FUZZ_ARGS: more libFuzzer flags.
# Seeds come from fuzz/corpus/<target>/ and are never modified: new inputs
# libFuzzer finds go to $BUILD/corpus/<target>/, kept between runs.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${1:-60}
SANITIZE=${FUZZ_SANITIZE:-asan}
TARGETS=${FUZZ_TARGETS:-"jsonl html warc normalize quotes http"}
MAX_LEN=${FUZZ_MAX_LEN:-4096}
case "$SANITIZE" in
  asan)
    BUILD=${FUZZ_BUILD_DIR:-build-fuzz}
    flags=(-DCHORUS_SANITIZE=ON) ;;
  ubsan)
    BUILD=${FUZZ_BUILD_DIR:-build-fuzz-fast}
    flags=("-DCMAKE_CXX_FLAGS=-fsanitize=undefined -fno-sanitize-recover=undefined"
           "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=undefined") ;;
  *) echo "fuzz: FUZZ_SANITIZE must be asan or ubsan" >&2; exit 2 ;;
esac

scripts/setup-fuzz.sh
CC=clang-14 CXX=clang++-14 cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCHORUS_FUZZ=ON "${flags[@]}" -DCHORUS_BUILD_TESTS=OFF -DCHORUS_BUILD_BENCH=OFF >/dev/null
names=()
for t in $TARGETS; do names+=("fuzz_$t"); done
cmake --build "$BUILD" -j "${JOBS:-$(nproc)}" --target "${names[@]}"

status=0
for t in $TARGETS; do
  mkdir -p "$BUILD/corpus/$t" "$BUILD/artifacts/$t"
  echo "fuzz: $t for ${SECONDS_EACH}s" >&2
  log="$BUILD/fuzz_$t.log"
  # shellcheck disable=SC2086  # FUZZ_ARGS is a list of flags
  if ! "$BUILD/fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
      -max_len="$MAX_LEN" -print_final_stats=1 -artifact_prefix="$BUILD/artifacts/$t/" \
      ${FUZZ_ARGS:-} "$BUILD/corpus/$t" "fuzz/corpus/$t" >"$log" 2>&1; then
    echo "fuzz: $t FAILED; see $log and $BUILD/artifacts/$t/" >&2
    tail -n 40 "$log" >&2
    status=1
    break
  fi
  grep -E '^stat::number_of_executed_units|^#[0-9]+ *DONE' "$log" | tail -n 2 >&2 || true
done
exit $status
