# chorus — the two quick-start commands are `make demo` and `make test`.
# Both install what they need (scripts/setup.sh) and build through `make build`,
# which leaves the CLI at build/chorus.

BUILD_DIR ?= build
BUILD_TYPE ?= Release
CMAKE_ARGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60

.PHONY: all setup build test test-asan test-tsan fuzz demo bench browser-test format clean

all: build

setup:
	@scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS) >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	@ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

# Every test again with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/).
test-asan:
	@$(MAKE) --no-print-directory test BUILD_DIR=build-asan BUILD_TYPE=RelWithDebInfo \
	  CMAKE_ARGS=-DCHORUS_SANITIZE=ON

# Every test again with ThreadSanitizer (build-tsan/); any data race fails it.
test-tsan:
	@TSAN_OPTIONS="halt_on_error=1 $(TSAN_OPTIONS)" $(MAKE) --no-print-directory test \
	  BUILD_DIR=build-tsan BUILD_TYPE=RelWithDebInfo CMAKE_ARGS=-DCHORUS_SANITIZE_THREAD=ON

# Each libFuzzer target for FUZZ_SECONDS (clang 14; build-fuzz/). See docs/HARDENING.md.
fuzz: setup
	@scripts/fuzz.sh $(FUZZ_SECONDS)

demo: build
	@scripts/demo.sh $(BUILD_DIR)/chorus

bench: build
	@$(BUILD_DIR)/bench/chorus_bench --benchmark_min_time=1

browser-test: build
	@scripts/browser_test.sh

format:
	@clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD_DIR)
