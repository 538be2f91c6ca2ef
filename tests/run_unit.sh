#!/bin/sh
# Run cmocka test binaries; print "unit: N passed, N failed" (tests, not
# binaries) and exit non-zero if any test failed or a binary crashed.
passed=0 failed=0
for t in "$@"; do
  out=$("$t" 2>&1)
  rc=$?
  p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
  f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  if [ "$rc" -ne 0 ]; then
    printf '%s\n' "$out"
    [ -z "$f" ] && failed=$((failed + 1)) # crashed before its summary
  fi
done
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
