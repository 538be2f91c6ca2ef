#!/bin/bash
# The examples in the manuals are tests: every fenced block line that starts
# with "$ ratio " is run, and what follows it in the block (up to the next
# "$ " line or the end of the block) must be what it prints, standard
# output then standard error. A line "..." stands for any number of lines;
# a line "(exit N)" right after the block, or "(exit N)" inside it, checks
# the exit code. Commands run in a scratch folder that sees the repository's
# folders, so an example that writes files (ratio new) leaves nothing behind,
# with nothing on standard input (ratio ask reads its answers there).
# Ends with "docs: N passed, N failed".
# Usage: doc_examples.sh RATIO_BINARY DOC.md...
set -u
bin=$1
shift
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

# match EXPECTED ACTUAL: every expected line in order; "..." skips lines
match() {
  awk '
    FNR == NR { want[++ne] = $0; next }
    { got[++na] = $0 }
    END {
      # blank lines at the end separate examples, they are not output
      while (ne > 0 && want[ne] ~ /^[ \t]*$/) ne--
      while (na > 0 && got[na] ~ /^[ \t]*$/) na--
      i = 1; j = 1
      while (i <= ne) {
        e = want[i]; sub(/[ \t]+$/, "", e)
        if (e ~ /^[ \t]*\.\.\.$/) {
          i++
          if (i > ne) exit 0
          n = want[i]; sub(/[ \t]+$/, "", n)
          while (j <= na) { a = got[j]; sub(/[ \t]+$/, "", a); if (a == n) break; j++ }
          if (j > na) { print "missing: " n; exit 1 }
          continue
        }
        a = got[j]; sub(/[ \t]+$/, "", a)
        if (j > na || a != e) { print "line " j ": expected: " e; print "line " j ": got:      " a; exit 1 }
        i++; j++
      }
      if (j <= na) { print "unexpected: " got[j]; exit 1 }
      exit 0
    }' "$1" "$2"
}

for doc in "$@"; do
  # one example per file: ex.N.cmd, ex.N.out (expected), ex.N.code
  rm -f "$tmp"/ex.*
  awk -v dir="$tmp" '
    /^```/ { if (inblock) { inblock = 0; if (n) close(dir "/ex." n ".out") } else inblock = 1; next }
    inblock && /^\$ ratio / { n++; cmd = substr($0, 3); print cmd > (dir "/ex." n ".cmd"); close(dir "/ex." n ".cmd");
                             printf "" > (dir "/ex." n ".out"); line[n] = FNR; next }
    inblock && n && /^\$ / { n_closed = n; next }
    inblock && n && n != n_closed {
      if ($0 ~ /^\(exit [0-9]+\)$/) { print substr($0, 7, length($0) - 7) > (dir "/ex." n ".code"); next }
      print >> (dir "/ex." n ".out")
    }
    !inblock && n && /^\(exit [0-9]+\)$/ { print substr($0, 7, length($0) - 7) > (dir "/ex." n ".code") }
    !inblock && NF && !/^\(exit/ { n_closed = n }
    END { for (i = 1; i <= n; i++) print i, line[i] > (dir "/lines") }
  ' "$doc"
  [ -f "$tmp/lines" ] || continue
  while read -r n at; do
    work=$tmp/work.$n
    mkdir -p "$work"
    for d in "$top"/*/; do ln -s "$d" "$work/$(basename "$d")"; done
    cmd=$(cat "$tmp/ex.$n.cmd")
    # shellcheck disable=SC2086
    (cd "$work" && eval "set -- ${cmd#ratio }" && timeout 60 "$bin" "$@" >"$tmp/act.out" 2>"$tmp/act.err" </dev/null); code=$?
    cat "$tmp/act.out" "$tmp/act.err" >"$tmp/act"
    want=$(cat "$tmp/ex.$n.code" 2>/dev/null)
    if why=$(match "$tmp/ex.$n.out" "$tmp/act") && { [ -z "$want" ] || [ "$want" -eq "$code" ]; }; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
      echo "FAIL $doc:$at: $cmd"
      [ -n "$why" ] && echo "$why" | sed 's/^/  /'
      [ -n "$want" ] && [ "$want" -ne "$code" ] && echo "  exit $code, the manual says $want"
    fi
    rm -rf "$work"
  done <"$tmp/lines"
  rm -f "$tmp/lines"
done
echo "docs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
