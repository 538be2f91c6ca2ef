#!/bin/sh
# Run each libFuzzer target for SECONDS on its seed corpus
# (tests/fuzz/corpus/<target>/); new inputs go to a scratch copy, so the
# repository's corpus changes only by hand. A crash is a failed target; its
# input is kept under build/fuzz/crashes/ to be added to the corpus.
# Prints "fuzz: N passed, N failed".
# Usage: run.sh SECONDS TARGET_BINARY...
secs=$1; shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
crashes=build/fuzz/crashes
passed=0 failed=0
for bin in "$@"; do
  name=$(basename "$bin")
  seeds=tests/fuzz/corpus/$name
  mkdir -p "$tmp/$name" "$crashes"
  # words the target's inputs are made of, when it has a dictionary
  dict=
  [ -f "tests/fuzz/$name.dict" ] && dict=-dict=tests/fuzz/$name.dict
  # the fixed seeds first, each must pass; then fuzz for the time given
  # shellcheck disable=SC2086
  if "$bin" $dict -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$crashes/$name-" -print_final_stats=0 "$tmp/$name" "$seeds" \
       >"$tmp/$name.log" 2>&1; then
    passed=$((passed + 1))
    echo "ok   $name: $(ls "$tmp/$name" | wc -l) new inputs in ${secs}s"
  else
    failed=$((failed + 1))
    echo "FAIL $name:"
    grep -E 'ERROR|SUMMARY|Test unit written|#0 |#1 |#2 |#3 ' "$tmp/$name.log" | head -20
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
