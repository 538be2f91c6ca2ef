#!/bin/sh
# ratio serve, tested as a client uses it: a server on 127.0.0.1 on a port
# the kernel picks, the API through a plain HTTP client (api.py) or the page
# in headless Chromium (browser.py), then a clean stop by SIGTERM. The
# server is stopped by its process id however the test ends.
# Usage: run.sh RATIO api|browser
# Ends with "serve-api: N passed, N failed" (or serve-browser).
set -u
bin=$1 what=$2
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=$(mktemp -d)
pids=""
cleanup() {
  for p in $pids; do kill -KILL "$p" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# start NAME PACK [ARGS...]: a server, its port in $port once it answers
start() {
  name=$1; shift
  : >"$tmp/$name.err"
  "$bin" serve "$@" --port 0 2>"$tmp/$name.err" &
  pid=$!
  pids="$pids $pid"
  port=""
  i=0
  # poll what it prints, with a deadline (never a fixed sleep)
  while [ $i -lt 300 ]; do
    port=$(sed -n 's|^ratio serve: serving .* at http://127.0.0.1:\([0-9]*\)/$|\1|p' "$tmp/$name.err")
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || break
    i=$((i + 1))
    sleep 0.05
  done
  if [ -z "$port" ]; then
    echo "serve-$what: the server did not start:"; cat "$tmp/$name.err"
    echo "serve-$what: 0 passed, 1 failed"
    exit 1
  fi
  eval "${name}_pid=$pid ${name}_port=$port"
}

# stop NAME: SIGTERM, then it must exit 0 by itself and say so
stop() {
  eval "pid=\$${1}_pid"
  kill -TERM "$pid"
  i=0
  while kill -0 "$pid" 2>/dev/null && [ $i -lt 200 ]; do i=$((i + 1)); sleep 0.05; done
  wait "$pid"
  code=$?
  if [ "$code" -eq 0 ] && grep -q '^ratio serve: stopped$' "$tmp/$1.err"; then
    echo "PASS $1 stops cleanly on SIGTERM"; extra_p=$((extra_p + 1))
  else
    echo "FAIL $1 on SIGTERM: exit $code"; cat "$tmp/$1.err"; extra_f=$((extra_f + 1))
  fi
}

extra_p=0 extra_f=0
py=/usr/bin/python3
here=$(dirname "$0")
case $what in
api)
  start dp rules/due_process -f cases/decided.csv
  start lua tests/bench/davidson_lua -j 4
  RATIO="$bin" "$py" "$here/api.py" "$dp_port" "$lua_port" >"$tmp/out" 2>&1
  ;;
browser)
  start dp rules/due_process -f cases/decided.csv
  SHOTS=${SHOTS:-build/serve-shots} "$py" "$here/browser.py" "$dp_port" >"$tmp/out" 2>&1
  ;;
*) echo "usage: run.sh RATIO api|browser"; exit 2 ;;
esac
grep -v ': [0-9]* passed, [0-9]* failed$' "$tmp/out"
line=$(grep -E ': [0-9]+ passed, [0-9]+ failed$' "$tmp/out" | tail -n 1)
p=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed.*/\1/p')
f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed$/\1/p')
[ -n "$p" ] || { p=0; f=1; echo "FAIL the $what tests did not finish"; }
[ "$what" = api ] && stop lua
stop dp
pids=""
p=$((p + extra_p)) f=$((f + extra_f))
echo "serve-$what: $p passed, $f failed"
[ "$f" -eq 0 ]
