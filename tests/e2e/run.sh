#!/bin/sh
# End-to-end tests against golden files, one folder per command:
#   tests/e2e/<command>/<name>.args  the arguments after `ratio`, one line
#   tests/e2e/<command>/<name>.out   the expected standard output
#   tests/e2e/<command>/<name>.err   the expected standard error (optional;
#                                    absent means it must be empty)
#   tests/e2e/<command>/<name>.code  the expected exit code (absent: 0)
#   tests/e2e/<command>/<name>.setup makes what cannot be committed (a named
#                                    pipe): run with "make" before the
#                                    command and "clean" after (optional)
#   tests/e2e/<command>/<name>.stdin standard input (optional; absent: empty)
# Commands run from the top of the repository, byte for byte compared.
# UPDATE=1 rewrites the golden files from what the binary prints.
# E2E_CASES="a.args b.args" runs only those; each run is limited to
# E2E_TIMEOUT seconds (default 30).
# Usage: run.sh RATIO_BINARY
bin=$1
[ -x "$bin" ] || { echo "e2e: no binary $bin"; exit 2; }
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
for args in ${E2E_CASES:-tests/e2e/*/*.args}; do
  [ -e "$args" ] || continue
  base=${args%.args}
  name=${base#tests/e2e/}
  expect_code=0
  [ -f "$base.code" ] && expect_code=$(cat "$base.code")
  # the .args line is split by the shell, so quoting works as on a terminal
  eval "set -- $(cat "$args")"
  # a hang is a failure (exit 124), not a stuck suite; E2E_WRAP runs the
  # binary under a tool (valgrind) and E2E_TIMEOUT gives it longer
  [ -f "$base.setup" ] && sh "$base.setup" make
  stdin=/dev/null
  [ -f "$base.stdin" ] && stdin=$base.stdin
  timeout -k 5 "${E2E_TIMEOUT:-30}" ${E2E_WRAP:-} "$bin" "$@" >"$tmp/out" 2>"$tmp/err" <"$stdin"
  code=$?
  [ -f "$base.setup" ] && sh "$base.setup" clean
  if [ "${UPDATE:-}" = 1 ]; then
    cp "$tmp/out" "$base.out"
    if [ -s "$tmp/err" ]; then cp "$tmp/err" "$base.err"; else rm -f "$base.err"; fi
    if [ "$code" -ne 0 ]; then echo "$code" >"$base.code"; else rm -f "$base.code"; fi
    expect_code=$code
  fi
  ok=1
  [ "$code" -eq "$expect_code" ] || { ok=0; echo "FAIL $name: exit $code, expected $expect_code"; }
  if ! cmp -s "$tmp/out" "$base.out"; then
    ok=0; echo "FAIL $name: standard output differs:"; diff -u "$base.out" "$tmp/out" | head -40
  fi
  if [ -f "$base.err" ]; then
    cmp -s "$tmp/err" "$base.err" || { ok=0; echo "FAIL $name: standard error differs:"; diff -u "$base.err" "$tmp/err" | head -20; }
  elif [ -s "$tmp/err" ]; then
    ok=0; echo "FAIL $name: unexpected standard error:"; head -20 "$tmp/err"
  fi
  if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
