#!/usr/bin/env bash
# Sets everything up, builds, and runs every test: the backend's tests (node --test, against SQLite
# and again against a throwaway PostgreSQL), the whole ctest suite (dev preset), the protocol and
# client suites again under ASan+UBSan, and the packet decoder and long-polling payload fuzzers for
# a bounded time. Exits non-zero when anything fails.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh || exit 1

failed=()
failed_logs=()
stages_run=0
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
stage() {
  local name=$1
  shift
  echo
  echo "=== $name"
  stages_run=$((stages_run + 1))
  local start=$SECONDS log="$logs/stage-$stages_run.log"
  if "$@" 2>&1 | tee "$log"; then
    echo "=== $name: ok ($((SECONDS - start)) s)"
  else
    echo "=== $name: FAILED ($((SECONDS - start)) s)"
    failed+=("$name")
    failed_logs+=("$log")
  fi
}

# build_and_test PRESET [LABEL...]: with labels, builds and runs only those suites.
build_and_test() {
  local preset=$1
  shift
  local targets=() labels
  for label in "$@"; do targets+=("tests_$label"); done
  labels=$(IFS='|'; echo "$*")
  cmake --preset "$preset" >/dev/null &&
    cmake --build --preset "$preset" ${targets[@]+--target "${targets[@]}"} &&
    ctest --preset "$preset" ${labels:+-L "$labels"} --timeout 600
}

stage "backend tests (node --test)" npm --prefix server test
stage "backend tests against PostgreSQL (node --test)" npm --prefix server run test:postgres
stage "build and ctest (dev)" build_and_test dev
stage "build and ctest (asan: socketio, client)" build_and_test asan socketio client
stage "fuzz the packet decoder" env FUZZ_SECONDS=40 tests/fuzz/run-fuzz.sh
stage "fuzz the long-polling payload decoder" env FUZZ_TARGET=fuzz_polling_payload FUZZ_SECONDS=20 tests/fuzz/run-fuzz.sh

echo
if [ ${#failed[@]} -gt 0 ]; then
  # Repeat the end of each failed stage last, where a long log's reader looks first.
  for i in "${!failed[@]}"; do
    echo "=== the last lines of: ${failed[$i]}"
    tail -n 80 "${failed_logs[$i]}"
    echo
  done
  printf 'test: FAILED: %s\n' "${failed[@]}"
  exit 1
fi
echo "test: everything passed"
