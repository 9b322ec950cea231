#!/bin/sh
# Fuzzes every parser with libFuzzer: the CSV reader, durations, dates, and the import mappings.
#
#   scripts/fuzz.sh [RUNS]          RUNS inputs per target (default 1,000,000)
#   TARGETS="csv dates" scripts/fuzz.sh 100000
#
# Each target is built with `swiftc -sanitize=fuzzer` from the package's own sources (CSV.swift,
# TimeBank, TimeBankImport) and starts from the kept corpus in Tests/FuzzCorpus/TARGET, which
# `swift test` replays. New inputs go to .build-fuzz/corpus/TARGET; a failing input is kept in
# .build-fuzz/ as crash-*. Prints, per target, the inputs run and the seconds taken.
set -eu
RUNS=${1:-1000000}
TARGETS=${TARGETS:-"csv durations dates mappings"}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${FUZZ_BUILD:-"$ROOT/.build-fuzz"}
mkdir -p "$OUT"

CSV_SOURCES="$ROOT/.build/checkouts/CSV.swift/Sources/CSV"
if [ ! -d "$CSV_SOURCES" ]; then (cd "$ROOT" && swift package resolve >/dev/null); fi

module() {  # module NAME SWIFT_VERSION SOURCE_DIR
    swiftc -sanitize=fuzzer -parse-as-library -O -wmo -swift-version "$2" -module-name "$1" -I "$OUT" \
        -emit-module -emit-module-path "$OUT/$1.swiftmodule" -c $(find "$3" -name '*.swift' | sort) -o "$OUT/$1.o"
}
echo "Building the parsers with -sanitize=fuzzer..."
module CSV 5 "$CSV_SOURCES"
module TimeBank 6 "$ROOT/Sources/TimeBank"
module TimeBankImport 6 "$ROOT/Sources/TimeBankImport"

for target in $TARGETS; do
    swiftc -sanitize=fuzzer -parse-as-library -O -swift-version 6 -I "$OUT" "$ROOT/scripts/fuzz/fuzz-$target.swift" \
        "$OUT/CSV.o" "$OUT/TimeBank.o" "$OUT/TimeBankImport.o" -o "$OUT/fuzz-$target"
    mkdir -p "$OUT/corpus/$target"
    started=$(date +%s)
    (cd "$OUT" && "$OUT/fuzz-$target" -runs="$RUNS" -max_len=2048 -timeout=10 -print_final_stats=1 \
        "$OUT/corpus/$target" "$ROOT/Tests/FuzzCorpus/$target" > "$OUT/fuzz-$target.log" 2>&1) || {
        echo "$target: FAILED after $(( $(date +%s) - started )) s; see $OUT/fuzz-$target.log"; tail -20 "$OUT/fuzz-$target.log"; exit 1; }
    done_runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$OUT/fuzz-$target.log" | grep -o '[0-9]*$' || echo "?")
    echo "$target: $done_runs inputs in $(( $(date +%s) - started )) s, no crash or hang"
done
