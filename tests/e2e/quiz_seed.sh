#!/bin/bash
# ratio quiz's promises that goldens alone cannot show: the same seed gives
# byte for byte the same quiz (whatever is answered, wherever it is
# written), a seed the quiz chose itself can be given again, and --record
# appends one CSV line per answer under a header written once.
# Ends with "quiz-seed: N passed, N failed".
# Usage: quiz_seed.sh RATIO_BINARY
set -u
exec </dev/null
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL quiz-seed $1"; }
dp=rules/due_process

# The answers of a student who says 1 to every question, and of one who
# says 2: five fact patterns, three opinions, two questions each.
yes 1 | head -30 >"$tmp/ones"
yes 2 | head -30 >"$tmp/twos"
quiz() { "$bin" quiz $dp --generate 5 "$@"; }

# The fact patterns as told: each heading and its prose, without the
# answers and grades.
patterns() { awk '/^== Fact pattern/ {on = 1} /^The question:/ {on = 0} on' "$1"; }

quiz --seed 1 <"$tmp/ones" >"$tmp/a" 2>"$tmp/a.err"; code=$?
quiz --seed 1 <"$tmp/ones" >"$tmp/b" 2>"$tmp/b.err"
if [ $code -eq 0 ] && [ ! -s "$tmp/a.err" ] && cmp -s "$tmp/a" "$tmp/b"; then ok
else bad "two runs of seed 1 differ (exit $code)"; fi
if [ "$(grep -c '^== Fact pattern [1-5] of 5 (hyp[1-5])' "$tmp/a")" -eq 5 ]; then ok
else bad "seed 1 did not give five fact patterns"; fi

# written to a file: the same bytes
quiz --seed 1 -o "$tmp/o" <"$tmp/ones" >/dev/null 2>&1
if cmp -s "$tmp/o" "$tmp/a"; then ok; else bad "-o FILE differs from standard output"; fi

# other answers, the same fact patterns
quiz --seed 1 <"$tmp/twos" >"$tmp/c" 2>/dev/null
patterns "$tmp/a" >"$tmp/pa"; patterns "$tmp/c" >"$tmp/pc"
if [ -s "$tmp/pa" ] && cmp -s "$tmp/pa" "$tmp/pc" && ! cmp -s "$tmp/a" "$tmp/c"; then ok
else bad "the answers changed the fact patterns"; fi

# the JSON transcript, twice
quiz --seed 1 --format json <"$tmp/ones" >"$tmp/j1" 2>/dev/null
quiz --seed 1 --format json <"$tmp/ones" >"$tmp/j2" 2>/dev/null
if [ -s "$tmp/j1" ] && cmp -s "$tmp/j1" "$tmp/j2" && grep -q '"seed":1,' "$tmp/j1"; then ok
else bad "two JSON transcripts of seed 1 differ"; fi

# another seed, another quiz
quiz --seed 2 <"$tmp/ones" >"$tmp/d" 2>/dev/null
patterns "$tmp/d" >"$tmp/pd"
if ! cmp -s "$tmp/pa" "$tmp/pd"; then ok; else bad "seeds 1 and 2 gave the same fact patterns"; fi

# no seed: the quiz picks one, says which, and that seed gives it again
quiz <"$tmp/ones" >"$tmp/e" 2>/dev/null
seed=$(sed -n 's/.*; seed \([0-9]*\) gives the same ones again\./\1/p' "$tmp/e")
if [ -n "$seed" ]; then
  quiz --seed "$seed" <"$tmp/ones" >"$tmp/f" 2>/dev/null
  if cmp -s "$tmp/e" "$tmp/f"; then ok; else bad "the seed the quiz showed ($seed) gave another quiz"; fi
else
  bad "a quiz without --seed did not show its seed"
fi

# --record: a header when the file is new, then a line per answer
rec="$tmp/record.csv"
"$bin" quiz $dp -f cases/davidson.csv --row davidson --record "$rec" <"$tmp/ones" >/dev/null 2>&1; code=$?
header="source,seed,fact_pattern,opinion,question,answer,expected,accepted,right"
if [ $code -eq 0 ] && [ "$(head -n 1 "$rec")" = "$header" ] && [ "$(wc -l <"$rec")" -eq 7 ]; then ok
else bad "a new record: exit $code, $(head -c 300 "$rec")"; fi
if grep -qx 'cases/davidson.csv,,davidson,majority,outcome,no,no,no,yes' "$rec" \
  && grep -qx 'cases/davidson.csv,,davidson,brennan,outcome,no,unknown,unknown,no' "$rec"; then ok
else bad "the record's outcome lines: $(cat "$rec")"; fi
quiz --seed 1 --record "$rec" <"$tmp/ones" >/dev/null 2>&1
if [ "$(grep -c '^source,' "$rec")" -eq 1 ] && [ "$(grep -c '^generated,1,hyp' "$rec")" -eq 30 ]; then ok
else bad "the record appended to: $(grep -c '' "$rec") lines"; fi
# every line has its nine columns (no field here holds a comma)
if awk -F, 'NF != 9 {bad = 1} END {exit bad}' "$rec"; then ok; else bad "a record line without nine columns"; fi

# a record that cannot be written: exit 2 before any question
"$bin" quiz $dp -f cases/davidson.csv --record "$tmp/no/such/dir.csv" >"$tmp/g" 2>"$tmp/g.err"; code=$?
if [ $code -eq 2 ] && [ ! -s "$tmp/g" ] && grep -q "^ratio quiz: cannot write $tmp/no/such/dir.csv: " "$tmp/g.err"; then ok
else bad "an unwritable record: exit $code, $(head -c 300 "$tmp/g.err")"; fi

echo "quiz-seed: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
