#!/bin/bash
# The same table of checks for every command that writes output: what the
# shared frame promises (src/cli.c). For each command line:
#   --help         exit 0, the command's own usage first
#   > /dev/full    exit 2 and one message: "ratio CMD: cannot write the output: ..."
#   -o FILE        exit as on standard output, FILE holds the same bytes
#   | head -c 1    the reader goes away: no message, exit 141 (as grep does)
# and for every command that reads rows, a reused id and a signal.
# Ends with "frame: N passed, N failed".
# Usage: frame.sh RATIO_BINARY
set -u
exec </dev/null # no command here reads the terminal (ratio quiz reads answers)
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL frame $1"; }

dp=rules/due_process
# command name, then its arguments (output large enough to fill a pipe)
cases=(
  "eval|$dp -f cases/hypotheticals.csv"
  "facts|$dp"
  "test|$dp"
  "check|$dp"
  "compare|$dp -f cases/hypotheticals.csv"
  "whatif|$dp -f cases/davidson.csv --row davidson --budget 2000"
  "table|$dp --opinion majority"
  "quiz|$dp -f cases/davidson.csv --row davidson"
  "ask|$dp --format json"
  "distinguish|$dp -f cases/moot.csv --row moot_cell_fire"
  "brief|$dp -f cases/davidson.csv --row davidson --side plaintiff"
)
# No command here reads a terminal: ratio ask takes its answers from
# standard input, which ends at once.
exec </dev/null
for c in "${cases[@]}"; do
  cmd=${c%%|*}
  # shellcheck disable=SC2206
  args=(${c#*|})

  # --help, and ratio help CMD
  out=$("$bin" "$cmd" --help 2>&1); code=$?
  if [ $code -eq 0 ] && [[ $out == "Usage: ratio $cmd "* ]]; then ok; else bad "$cmd --help (exit $code)"; fi
  if [ "$("$bin" help "$cmd")" = "$out" ]; then ok; else bad "ratio help $cmd"; fi

  # the reference run
  "$bin" "$cmd" "${args[@]}" >"$tmp/ref" 2>/dev/null; ref_code=$?

  # a full disk: exit 2 and one line
  "$bin" "$cmd" "${args[@]}" >/dev/full 2>"$tmp/err"; code=$?
  lines=$(grep -c "cannot write the output" "$tmp/err")
  if [ $code -eq 2 ] && [ "$lines" -eq 1 ] && grep -q "^ratio $cmd: cannot write the output: " "$tmp/err"; then ok
  else bad "$cmd > /dev/full: exit $code, $(head -c 200 "$tmp/err")"; fi

  # -o FILE: the same bytes, the same exit code, no temporary file left
  rm -f "$tmp/o"
  "$bin" "$cmd" "${args[@]}" -o "$tmp/o" >"$tmp/stdout" 2>/dev/null; code=$?
  if [ $code -eq $ref_code ] && cmp -s "$tmp/o" "$tmp/ref" && [ ! -s "$tmp/stdout" ] && [ -z "$(ls -A "$tmp" | grep '^\.o\.')" ]; then ok
  else bad "$cmd -o FILE: exit $code (expected $ref_code)"; fi

  # a reader that goes away: quiet, 141
  "$bin" "$cmd" "${args[@]}" 2>"$tmp/err" | head -c 1 >/dev/null
  code=${PIPESTATUS[0]}
  if [ "$(wc -c <"$tmp/ref")" -le 65536 ]; then
    : # too little output to outlast the pipe's buffer: nothing to check
  elif [ $code -eq 141 ] && [ ! -s "$tmp/err" ]; then ok
  else bad "$cmd | head: exit $code, $(head -c 200 "$tmp/err")"; fi
done

# A positional case file where -f is needed: the hint names the command line.
for cmd in eval compare whatif quiz distinguish brief; do
  err=$("$bin" "$cmd" $dp cases/davidson.csv 2>&1 >/dev/null); code=$?
  if [ $code -eq 2 ] && [[ $err == *"give the case file with -f: ratio $cmd $dp -f cases/davidson.csv"* ]]; then ok
  else bad "$cmd with a positional case file: exit $code, $err"; fi
done

# Every command that reads rows does it through one driver: a reused id is
# reported once on standard error, the same way, with exit 1; a signal
# stops the run with exit 130 and one message, even while a read waits.
tiny=tests/e2e/fixtures/packs/tiny
dup=tests/e2e/fixtures/cases/tiny_dup_id.csv
rows=(
  "eval|$tiny -f FILE"
  "compare|$tiny -f FILE"
  "whatif|$tiny -f FILE --row other"
  "test|$tiny FILE"
  "distinguish|$tiny -f FILE --row other --cases $tiny/cases.csv"
  "brief|$tiny -f FILE --row other --side defendant --cases $tiny/cases.csv"
)
for c in "${rows[@]}"; do
  cmd=${c%%|*}
  # shellcheck disable=SC2206
  args=(${c#*|})
  "$bin" "$cmd" "${args[@]/FILE/$dup}" >/dev/null 2>"$tmp/err"; code=$?
  if [ $code -eq 1 ] && [ "$(grep -c "id 'same' is used again (first on line 2)" "$tmp/err")" -eq 1 ]; then ok
  else bad "$cmd with a reused id: exit $code, $(head -c 300 "$tmp/err")"; fi

  (sleep 5 | timeout --preserve-status -s INT 1 "$bin" "$cmd" "${args[@]/FILE/-}" >/dev/null 2>"$tmp/err"); code=$?
  if [ $code -eq 130 ] && [ "$(cat "$tmp/err")" = "ratio: interrupted; the output is incomplete" ]; then ok
  else bad "$cmd interrupted: exit $code, $(head -c 300 "$tmp/err")"; fi
done

# ratio quiz reads the answers on standard input, so its rows come from a
# file: a reused id the same way, and a signal while it waits for an answer.
"$bin" quiz $tiny -f $dup >/dev/null 2>"$tmp/err"; code=$?
if [ $code -eq 1 ] && [ "$(grep -c "id 'same' is used again (first on line 2)" "$tmp/err")" -eq 1 ]; then ok
else bad "quiz with a reused id: exit $code, $(head -c 300 "$tmp/err")"; fi
(sleep 5 | timeout --preserve-status -s INT 1 "$bin" quiz $tiny -f $dup >/dev/null 2>"$tmp/err"); code=$?
if [ $code -eq 130 ] && [ "$(cat "$tmp/err")" = "ratio: interrupted; the output is incomplete" ]; then ok
else bad "quiz interrupted: exit $code, $(head -c 300 "$tmp/err")"; fi

echo "frame: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
