#!/bin/bash
# ratio ask on a real terminal, as a person uses it: tmux runs the
# interview, keys are sent, and each check reads the screen (capture-pane),
# waiting for what should appear with a deadline rather than sleeping. A
# private tmux server (its own socket, no configuration) is used and killed
# at the end, pass or fail. Ends with "tty: N passed, N failed".
# Usage: ask_tty.sh RATIO_BINARY
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
command -v tmux >/dev/null || { echo "tty: tmux is not installed"; echo "tty: 0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d)
sock=ratio-ask-$$
T() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() {
  failed=$((failed + 1))
  echo "FAIL tty $1; the screen:"
  sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$tmp/screen" | tail -25 | sed 's/^/  | /'
}
# the deadline for one step (a sanitizer build is slower)
limit=${TTY_TIMEOUT:-30}

# Start `ratio ARGS` in a 100x50 terminal; the pane stays after it exits,
# showing its exit status. HOME is empty so no ~/.editrc changes the keys.
# A session that outlives the others keeps the server up: killing the only
# session ends the server, and a new session started just then meets a
# server on its way out.
T new-session -d -s keep "sleep 600"
start() {
  T kill-session -t ask 2>/dev/null
  T new-session -d -s ask -x 100 -y 50 \
    "cd '$(pwd)' && HOME='$tmp' '$bin' ask $*; echo EXIT=\$?; sleep 600"
}

# Wait until the screen (with what scrolled off) has at least $2 (default
# 1) lines matching the extended regular expression $1; false at the
# deadline.
see() {
  local deadline=$((SECONDS + limit))
  while :; do
    T capture-pane -p -t ask -S -3000 >"$tmp/screen" 2>/dev/null
    [ "$(grep -Ec -- "$1" "$tmp/screen")" -ge "${2:-1}" ] && return 0
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.1
  done
}

# Wait until the interview waits for a line: its prompt ("> ", "file> ",
# "id> ") is the last thing on the screen. Keys sent before it would be
# typed ahead, and echoed where the person would not see them.
ready() {
  local deadline=$((SECONDS + limit))
  while :; do
    T capture-pane -p -t ask >"$tmp/screen" 2>/dev/null
    [ -n "$(grep -v '^$' "$tmp/screen" | tail -n 1 | grep -E '^(file|id)?>$')" ] && return 0
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.1
  done
}

check() { # name, regex
  if see "$2"; then ok; else bad "$1: no line matching '$2'"; fi
}

keys() { ready && T send-keys -t ask "$@"; }

dp=rules/due_process
# how many facts the pack has, as `ratio facts` counts them (the interview's
# summary must say the same number)
nfacts=$("$bin" facts $dp | sed -n 's/^Facts (\([0-9]*\)):$/\1/p')
saved=$tmp/mine.csv

# ---- Davidson, answered by hand ------------------------------------------------
start "$dp --as-of 1986-01-21"
check "the first question" '^1\. Were the defendants acting under color of state law\?'
check "its answers" '^   Answers: yes, no$'
keys yes Enter
check "the second question" '^2\. Which interest did the conduct affect\?'
keys lib Enter
check "a refused answer, with the allowed ones" "interest: 'lib' is not one of life, liberty, property, none"
# line editing: two letters typed wrong, rubbed out and typed again
keys libetr BSpace BSpace rty Enter
check "an answer mended with backspace" '^3\. Did the plaintiff actually suffer an injury or a loss\?'
keys back Enter
check "back" '^   Taken back: Which interest did the conduct affect\? \(liberty\)\.'
# history: up twice passes "back" and brings "liberty" again
keys Up Up Enter
if see '^3\. Did the plaintiff' 2 && see '^> liberty$' 2; then ok
else bad "an answer from the history"; fi
keys why Enter
check "why" '^   It feeds: Liberty: personal security'
# the rest of Davidson's answers, each when its question is on the screen
answers=(yes convicted_prisoner defendant no no yes yes yes no yes no yes yes no yes no yes no barred_by_immunity no)
n=3
for a in "${answers[@]}"; do
  if ! see "^$n\. "; then bad "question $n"; break; fi
  keys "$a" Enter
  n=$((n + 1))
done
check "the summary" '^How each opinion decides:'
check "the majority's result" '^  Rehnquist, J., for the Court: Section 1983 claim: no\. Disposition:'
check "Blackmun's result" '^  Blackmun, J\., dissenting: Section 1983 claim: yes\. Disposition: reverse\.'
check "fewer questions than facts" "^22 questions answered; the pack has $nfacts facts\\."
[ "${nfacts:-0}" -gt 22 ] && ok || { echo "FAIL tty the interview asked 22 of the pack's facts, but ratio facts counts ${nfacts:-none}"; failed=$((failed + 1)); }
check "the offer to save" '^Save the answers as a row of a case file\?'
keys "$saved" Enter
check "the id asked for" '^An id for the row:'
keys mine Enter
check "saved" "^Saved as row 'mine' of "
check "the exit status" '^EXIT=0$'
# the saved row decides as the case does
got=$("$bin" eval $dp -f "$saved" --row mine --as-of 1986-01-21 --format csv --columns outcome,disposition 2>/dev/null | sed -n 2p)
if [ "$got" = "mine,no,affirm,unknown,vacate_and_remand,yes,reverse" ]; then ok
else echo "FAIL tty the saved row decides as: $got"; failed=$((failed + 1)); fi

# ---- an interview broken off --------------------------------------------------
start "$dp --as-of 1986-01-21"
check "a new interview" '^1\. Were the defendants'
keys C-d
check "the answers ended: the summary so far" "^0 questions answered; the pack has $nfacts facts\\. The answers ended"
check "exit 0 after Ctrl-D" '^EXIT=0$'
start "$dp --as-of 1986-01-21"
check "another interview" '^1\. Were the defendants'
keys C-c
check "interrupted" '^ratio: interrupted; the output is incomplete$'
check "exit 130 after Ctrl-C" '^EXIT=130$'

echo "tty: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
