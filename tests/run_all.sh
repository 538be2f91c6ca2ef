#!/bin/sh
# The whole suite: unit and end-to-end tests, then both again on the
# sanitizer build. Ends with the total line "N passed, N failed".
# Usage: run_all.sh RATIO "UNIT_BINS" RATIO_SAN "SAN_UNIT_BINS"
ratio=$1 units=$2 ratio_san=$3 san_units=$4
total_p=0 total_f=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
suite() {
  label=$1; shift
  echo "== $label"
  "$@" >"$log" 2>&1
  cat "$log"
  line=$(grep -E '^[a-z0-9-]+: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
  p=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed.*/\1/p')
  f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed$/\1/p')
  [ -n "$p" ] || { p=0; f=1; echo "$label: no summary line (crashed?)"; }
  total_p=$((total_p + p))
  total_f=$((total_f + f))
}
# shellcheck disable=SC2086
suite "unit tests" sh tests/run_unit.sh $units
suite "end-to-end tests" sh tests/e2e/run.sh "$ratio"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# shellcheck disable=SC2086
suite "unit tests (ASan+UBSan)" sh tests/run_unit.sh $san_units
suite "end-to-end tests (ASan+UBSan)" sh tests/e2e/run.sh "$ratio_san"
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
