#!/bin/bash
# ratio quiz on a real terminal, as a student takes it: tmux gives it one;
# the keys are sent as typed and the screen is read back, polling until
# what should appear does (each wait bounded). The tmux server is the
# test's own (its socket in the test's folder), ended on exit, pass or fail.
# Ends with "quiz-tty: N passed, N failed".
# Usage: quiz_tty.sh RATIO_BINARY
set -u
exec </dev/null
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
passed=0 failed=0
if ! command -v tmux >/dev/null 2>&1; then
  echo "FAIL quiz-tty: tmux is not installed (make deps installs it)"
  echo "quiz-tty: 0 passed, 1 failed"
  exit 1
fi
tmp=$(mktemp -d)
# its own server, with no one's configuration; fine inside another tmux too
unset TMUX
t() { tmux -f /dev/null -S "$tmp/tmux.sock" "$@"; }
trap 't kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT
ok() { passed=$((passed + 1)); }
bad() {
  failed=$((failed + 1))
  echo "FAIL quiz-tty $1"
  tail -n 15 "$tmp/screen" 2>/dev/null | sed 's/^/  | /'
}

# The whole screen, scrollback included, into $tmp/screen.
screen() { t capture-pane -p -J -t quiz -S - >"$tmp/screen" 2>/dev/null; }

# Poll the screen until it shows the text (a fixed string), for at most
# ${2:-20} seconds (the sanitizer build is slower).
wait_for() {
  local deadline=$((SECONDS + ${2:-20}))
  while :; do
    screen
    grep -qF -- "$1" "$tmp/screen" && return 0
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.1
  done
}

# Type a line, as a student does.
type_line() { t send-keys -t quiz -l -- "$1"; t send-keys -t quiz Enter; }

# Start a quiz in a new terminal of 100 columns; the shell reports its exit
# code and keeps the pane open to be read.
# A session that outlives the others keeps the server up: killing the only
# session ends the server, and a new session started just then meets a
# server on its way out.
t new-session -d -s keep "sleep 600"
start() {
  t kill-session -t quiz >/dev/null 2>&1
  t new-session -d -s quiz -x 100 -y 40 "cd '$PWD' && '$bin' quiz $*; echo \"EXIT=\$?\"; sleep 60"
}

check() { if wait_for "$2" "${3:-20}"; then ok; else bad "$1: no '$2' on the screen"; fi; }

# ---- Davidson, answered by name, by number, and once wrongly ---------------
start rules/due_process -f cases/davidson.csv --row davidson --record "'$tmp/rec.csv'"
check "the fact pattern" "== Fact pattern 1 (davidson): Davidson v. Cannon"
check "the first question" "Rehnquist, J., for the Court: outcome? [1-3]"
type_line "no"
check "the element asked" "Rehnquist, J., for the Court: the element it turns on? [1-"
# the question offers every element listed above it, 1 to the last
last=$(awk '/^Elements:$/ {on = 1; next} on && /^ +[0-9]+ / {n = $1} on && /^$/ {exit} END {print n}' "$tmp/screen")
if [ -n "$last" ] && grep -qF "the element it turns on? [1-$last]" "$tmp/screen"; then ok
else bad "the element question offers the elements 1 to ${last:-?}"; fi
type_line "depriv"
check "the next opinion" "Brennan, J., dissenting: outcome? [1-3]"
type_line "perhaps"
check "a wrong choice asked again" "'perhaps' is not one of the choices"
type_line "yes"
check "Brennan's element" "Brennan, J., dissenting: the element it turns on?"
type_line "11"
check "Blackmun" "Blackmun, J., dissenting: outcome? [1-3]"
type_line "2"
check "Blackmun's element" "Blackmun, J., dissenting: the element it turns on?"
type_line "A state of mind that deprives"
check "the grades" "The answers:"
check "a right outcome" "  Outcome: you said no: right."
check "a wrong outcome" "  Outcome: you said yes: wrong."
check "the explanation of the miss" "Why, for Brennan, J., dissenting:"
check "the score" "Score: 5 of 6 answers right, over 1 fact pattern."
check "the exit code" "EXIT=0"
# on a terminal the answer shows once, as typed (the quiz does not echo it)
screen
if [ "$(grep -c '^no$' "$tmp/screen")" -eq 0 ] && grep -qF "outcome? [1-3] no" "$tmp/screen"; then ok
else bad "a typed answer echoed again"; fi
if [ "$(grep -c '' "$tmp/rec.csv" 2>/dev/null)" = 7 ] && grep -q '^cases/davidson.csv,,davidson,brennan,outcome,yes,unknown,unknown,no$' "$tmp/rec.csv"; then ok
else bad "the record of the answers: $(cat "$tmp/rec.csv" 2>/dev/null | head -3)"; fi

# ---- a generated quiz, left with quit -----------------------------------------
start rules/due_process --generate 2 --seed 1
check "the seed shown" "seed 1 gives the same ones again"
check "the first generated fact pattern" "== Fact pattern 1 of 2 (hyp1)"
type_line "1"
check "the element question" "the element it turns on?"
type_line "quit"
check "quit" "The quiz ends here: this fact pattern is not graded."
check "the exit code after quit" "EXIT=0"

# ---- Ctrl-D ends the answers ---------------------------------------------------
start rules/due_process -f cases/davidson.csv --row daniels
check "Daniels" "Rehnquist, J., for the Court: outcome? [1-3]"
t send-keys -t quiz C-d
check "the answers ended" "The answers ended before this fact pattern was answered"
check "the exit code after Ctrl-D" "EXIT=0"

# ---- Ctrl-C stops it ------------------------------------------------------------
start rules/due_process -f cases/davidson.csv --row daniels
check "Daniels again" "Rehnquist, J., for the Court: outcome? [1-3]"
t send-keys -t quiz C-c
check "interrupted" "ratio: interrupted; the output is incomplete"
check "the exit code after Ctrl-C" "EXIT=130"

echo "quiz-tty: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
