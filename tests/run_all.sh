#!/bin/sh
# The whole suite: unit and end-to-end tests, then both again on the
# sanitizer build. Ends with the total line "N passed, N failed".
# Usage: run_all.sh RATIO "UNIT_BINS" RATIO_SAN "SAN_UNIT_BINS" ["FUZZ_BINS"]
ratio=$1 units=$2 ratio_san=$3 san_units=$4 fuzz_bins=${5:-}
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
suite "every command's frame" bash tests/e2e/frame.sh "$ratio"
suite "the manuals' examples" bash tests/e2e/doc_examples.sh "$ratio" docs/cli.md docs/language.md docs/students.md docs/moot-court.md
suite "ratio quiz: the same seed, the record" bash tests/e2e/quiz_seed.sh "$ratio"
suite "ratio quiz on a terminal (tmux)" bash tests/e2e/quiz_tty.sh "$ratio"
suite "the interview on a terminal" bash tests/e2e/ask_tty.sh "$ratio"
suite "ratio serve: the API" sh tests/serve/run.sh "$ratio" api
suite "ratio serve: the page in a browser" sh tests/serve/run.sh "$ratio" browser
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# shellcheck disable=SC2086
suite "unit tests (ASan+UBSan)" sh tests/run_unit.sh $san_units
suite "end-to-end tests (ASan+UBSan)" sh tests/e2e/run.sh "$ratio_san"
suite "every command's frame (ASan+UBSan)" bash tests/e2e/frame.sh "$ratio_san"
suite "ratio quiz on a terminal (tmux, ASan+UBSan)" bash tests/e2e/quiz_tty.sh "$ratio_san"
suite "the interview on a terminal (ASan+UBSan)" bash tests/e2e/ask_tty.sh "$ratio_san"
suite "ratio serve: the API (ASan+UBSan)" sh tests/serve/run.sh "$ratio_san" api
# A short fuzz run: each target for a few seconds on its seed corpus (the
# corpus alone must pass; `make fuzz` runs longer).
if [ -n "$fuzz_bins" ]; then
  # shellcheck disable=SC2086
  suite "fuzz (${FUZZ_SECONDS:-8}s per target)" sh tests/fuzz/run.sh "${FUZZ_SECONDS:-8}" $fuzz_bins
fi
# valgrind over the plain binary, on a representative subset to stay fast
# (about a second a test): the hostile case files (every CSV path), the
# evaluation-time attacks, a sealed pack's rule functions, the load-time
# attacks that end a Lua state in odd ways, the budget errors, a pack's
# listed case files (read, and a pipe refused), two full evaluations
# (text, JSON), two interviews (one saved), a comparison with the decided
# cases and a brief; the other e2e tests run the same code paths. Zero
# leaks and zero errors: any
# report makes the run exit 99 and the test fail.
if command -v valgrind >/dev/null 2>&1; then
  vg_cases=$(ls tests/e2e/hostile_cases/*.args tests/e2e/hostile/eval_attacks*.args \
    tests/e2e/hostile/sealed_state*.args tests/e2e/hostile/seal_escape.args \
    tests/e2e/hostile/gc_finalizer.args tests/e2e/hostile/error_tostring.args \
    tests/e2e/hostile/pattern_backtrack.args tests/e2e/hostile/rep_huge.args \
    tests/e2e/hostile/deep_nesting.args tests/e2e/hostile/concat_growth.args \
    tests/e2e/hostile/include_symlink.args tests/e2e/hostile/probe_names.args \
    tests/e2e/hostile/case_fifo.args tests/e2e/test/pass.args \
    tests/e2e/errors/budget_*.args tests/e2e/eval/davidson_text.args \
    tests/e2e/eval/unknowns_json.args tests/e2e/quiz/davidson.args \
    tests/e2e/quiz/generate_json.args tests/e2e/ask/why_back.args tests/e2e/ask/save.args \
    tests/e2e/distinguish/moot_json.args tests/e2e/brief/davidson_plaintiff_1986.args 2>/dev/null | tr '\n' ' ')
  E2E_WRAP="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99" \
  E2E_TIMEOUT=120 E2E_CASES="$vg_cases" \
    suite "end-to-end tests (valgrind)" sh tests/e2e/run.sh "$ratio"
fi
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
