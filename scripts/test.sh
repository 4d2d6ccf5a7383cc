#!/usr/bin/env bash
# Installs what is needed, builds qweek with sanitizers and -Werror into build-test/, runs
# every test (cmocka unit tests and the end-to-end scripts in tests/e2e/) under ctest.
# Usage: bash scripts/test.sh [CTEST-ARGS...]   e.g. bash scripts/test.sh -L e2e
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/deps.sh --npm

cmake -S . -B build-test -DQWEEK_SANITIZE=ON -DQWEEK_WERROR=ON -DQWEEK_TESTS=ON
cmake --build build-test -j"$(nproc)"

# Sanitizer reports fail the test that provoked them.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd build-test
exec ctest --output-on-failure -j2 --timeout 300 "$@"
