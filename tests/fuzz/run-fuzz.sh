#!/usr/bin/env bash
# Builds the `fuzz` preset and runs a fuzz target for FUZZ_SECONDS (default 60) on a scratch
# copy of its seed corpus. Exits non-zero on any crash, leak, sanitizer report or timeout.
# FUZZ_TARGET picks the target: fuzz_packet_decoder (default, seeds in corpus/) or
# fuzz_polling_payload (long-polling bodies, seeds in corpus-polling/).
#
#   tests/fuzz/run-fuzz.sh                 # 60 s
#   FUZZ_SECONDS=600 tests/fuzz/run-fuzz.sh
#   FUZZ_TARGET=fuzz_polling_payload tests/fuzz/run-fuzz.sh
#   tests/fuzz/run-fuzz.sh crash-<sha1>    # replay one input (e.g. a finding) and exit
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_BUILD_JOBS:-2}
target=${FUZZ_TARGET:-fuzz_packet_decoder}
case "$target" in
    fuzz_packet_decoder) seeds="$root/tests/fuzz/corpus" ;;
    fuzz_polling_payload) seeds="$root/tests/fuzz/corpus-polling" ;;
    *) echo "run-fuzz.sh: unknown FUZZ_TARGET $target" >&2; exit 2 ;;
esac
build_dir="$root/build/fuzz"
corpus_run="$root/tests/fuzz/corpus-run/$target"
artifacts="$build_dir/artifacts/$target"

cd "$root"
cmake --preset fuzz >/dev/null
nice cmake --build "$build_dir" --target "$target" -j "$jobs"
fuzzer="$build_dir/tests/fuzz/$target"

if [[ $# -gt 0 ]]; then
    exec "$fuzzer" "$@"
fi

mkdir -p "$corpus_run" "$artifacts"
# The run directory keeps what earlier runs learnt; the seeds are always in it.
cp -f "$seeds"/* "$corpus_run"/
rm -f "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*

status=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# The reader's thread-local string cache keeps strings from one input to the next, so libFuzzer's
# per-input leak check (taken whenever mallocs outnumber frees) would run a full LeakSanitizer
# scan on most inputs and fuzz 20 times slower. Fuzz without it, then replay the whole corpus
# once with leak checking on.
"$fuzzer" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus_run" \
    >"$build_dir/$target.log" 2>&1 || status=$?
# libFuzzer prints a line per new input; the end (stats, or the finding and its stack) is what
# matters, and the whole log stays in the build folder.
tail -n 30 "$build_dir/$target.log"
if [[ $status -eq 0 ]]; then
    echo "run-fuzz.sh: replaying $(find "$corpus_run" -type f | wc -l) inputs with leak checking"
    "$fuzzer" -runs=0 -max_len=4096 -timeout=10 -detect_leaks=1 \
        -artifact_prefix="$artifacts/" "$corpus_run" >"$build_dir/$target-leak-replay.log" 2>&1 \
        || { status=$?; tail -40 "$build_dir/$target-leak-replay.log" >&2; }
fi

findings=$(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' \
    -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
if [[ $status -ne 0 || $findings -ne 0 ]]; then
    echo "run-fuzz.sh: FAILED (exit $status, $findings finding(s) in $artifacts)" >&2
    exit 1
fi
echo "run-fuzz.sh: clean after ${seconds}s"
