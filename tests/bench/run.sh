#!/bin/sh
# make bench: measure Ratio on the benchmark workload, in one run, and print
# a table. With PEERS=DIR (the peer implementations' folder), the C, mawk
# and Python peers run on the same files in the same run, and every figure
# is also given as a ratio to the C peer.
#
# usage: tests/bench/run.sh RATIO BUILD_DIR [PEERS_DIR]
# Environment: RUNS (default 5, the median of RUNS runs is reported).
set -eu
ratio=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$2
peers=${3:-}
runs=${RUNS:-5}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$(dirname "$0")/../.."

cc=${CC:-cc}
"$cc" -O2 -std=c11 -Wall -Wextra -Werror -o "$out/gen" tests/bench/gen.c
"$cc" -O2 -std=c11 -Wall -Wextra -Werror -o "$out/rss" tests/bench/rss.c

rows100k=$out/rows-100k.csv
rows1m=$out/rows-1m.csv
[ -s "$rows100k" ] || "$out/gen" 100000 1986 > "$rows100k"
[ -s "$rows1m" ] || "$out/gen" 1000000 474344 > "$rows1m"
one=$out/one-row.csv
head -n 2 "$rows100k" > "$one"

# The outputs must agree before anything is timed.
"$ratio" eval tests/bench/davidson -f "$rows100k" --format csv 2>/dev/null > "$out/j1.csv"
"$ratio" eval tests/bench/davidson -f "$rows100k" --format csv -j 2 2>/dev/null > "$out/j2.csv"
cmp -s "$out/j1.csv" "$out/j2.csv" || { echo "bench: -j 2 output differs from -j 1" >&2; exit 1; }

table=$out/results.md
: > "$out/raw.csv"
rm -f "$out/paired_json"

# median wall seconds of a command, by hyperfine; stdout to /dev/null
median() {
  hyperfine -N --style none -w 1 -r "$runs" --export-csv "$out/h.csv" "$1" > /dev/null 2>&1
  sed -n 2p "$out/h.csv" | awk -F, '{ print $4 }'
}

peak_kib() {
  # shellcheck disable=SC2086
  "$out/rss" $1 | awk '{ print $1 }' || true
}

# The ratio of two commands' wall times, measured in alternation (A, B, A,
# B, ...) so that a slow spell of a shared machine hits both: the median of
# the per-pair ratios.
paired_ratio() {
  : > "$out/pairs"
  i=0
  while [ $i -lt "$runs" ]; do
    # shellcheck disable=SC2086
    a=$("$out/rss" $1 | awk '{ print $2 }')
    # shellcheck disable=SC2086
    b=$("$out/rss" $2 | awk '{ print $2 }')
    echo "$a $b" | awk '{ printf "%.4f\n", $1 / $2 }' >> "$out/pairs"
    i=$((i + 1))
  done
  sort -n "$out/pairs" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# The C peer, when there are peers: built first, so that every row can be
# measured next to it.
cpeer=""
if [ -n "$peers" ]; then
  "$cc" -O2 -o "$out/davidson-c" "$peers/peers/c/davidson.c" -lcsv
  cpeer=$out/davidson-c
fi

# One row of the table: label | command | rows. The wall time is
# hyperfine's median; with the C peer, the row's ratio to it is measured in
# alternation on the same rows (paired_ratio), so a slow spell of the
# machine hits both. (The C peer's own rows show that ratio's noise.)
row() {
  label=$1 cmd=$2 nrows=$3
  x=""
  t=$(median "$cmd")
  if [ -n "$cpeer" ] && [ "$nrows" -gt 0 ]; then
    rows_file=$rows100k
    [ "$nrows" -eq 1000000 ] && rows_file=$rows1m
    x=$(paired_ratio "$cmd" "$cpeer $rows_file outcome")
  fi
  kib=$(peak_kib "$cmd")
  echo "$label,$t,$nrows,$kib,$x" >> "$out/raw.csv"
}

row "ratio csv 100k -j 1" "$ratio eval tests/bench/davidson -f $rows100k --format csv" 100000
row "ratio csv 1M -j 1" "$ratio eval tests/bench/davidson -f $rows1m --format csv" 1000000
row "ratio csv 1M -j 2" "$ratio eval tests/bench/davidson -f $rows1m --format csv -j 2" 1000000
row "ratio csv 100k -j 2" "$ratio eval tests/bench/davidson -f $rows100k --format csv -j 2" 100000
row "ratio text 100k -j 1" "$ratio eval tests/bench/davidson -f $rows100k --format text" 100000
row "ratio text 100k -j 2" "$ratio eval tests/bench/davidson -f $rows100k --format text -j 2" 100000
row "ratio json 100k -j 1" "$ratio eval tests/bench/davidson -f $rows100k --format json" 100000
row "ratio json 100k -j 2" "$ratio eval tests/bench/davidson -f $rows100k --format json -j 2" 100000
row "ratio csv 100k with a Lua rule function" "$ratio eval tests/bench/davidson_lua -f $rows100k --format csv" 100000
row "pack load (ratio facts rules/due_process)" "$ratio facts rules/due_process" 0

latency=$("$out/latency" rules/due_process cases/davidson.csv 2001)

# The API of ratio serve: 50 clients on loopback, each sending the Davidson
# row (cases/davidson.csv) 200 times, bounded by a deadline: under the
# majority alone; under the three opinions of the day (as_of) as the page
# asks on each change (depth 0: the outcomes, the trees when opened); and
# the same with every tree in full.
serve_err=$out/serve.err
: > "$serve_err"
"$ratio" serve rules/due_process --port 0 2>"$serve_err" &
serve_pid=$!
trap 'kill -TERM $serve_pid 2>/dev/null' EXIT
port=""
i=0
while [ -z "$port" ] && [ $i -lt 200 ]; do
  port=$(sed -n 's|^ratio serve: serving .* at http://127.0.0.1:\([0-9]*\)/$|\1|p' "$serve_err")
  i=$((i + 1)); [ -n "$port" ] || sleep 0.05
done
# the row's facts as a request (python3 reads the CSV: its note holds commas)
python3 - cases/davidson.csv "$out" <<'PY'
import csv, json, sys
row = next(r for r in csv.DictReader(open(sys.argv[1])) if r["id"] == "davidson")
facts = {k: v for k, v in row.items() if k not in ("id", "title", "note") and not k.startswith("expect.") and v}
json.dump({"id": "davidson", "facts": facts, "opinion": "majority"}, open(sys.argv[2] + "/serve-one.json", "w"))
json.dump({"id": "davidson", "facts": facts, "as_of": "1986-01-21"}, open(sys.argv[2] + "/serve-day.json", "w"))
json.dump({"id": "davidson", "facts": facts, "as_of": "1986-01-21", "depth": 0}, open(sys.argv[2] + "/serve-page.json", "w"))
PY
serve_one=$("$out/serve_load" "$port" 50 200 "$out/serve-one.json")
serve_page=$("$out/serve_load" "$port" 50 200 "$out/serve-page.json")
serve_day=$("$out/serve_load" "$port" 50 200 "$out/serve-day.json")
kill -TERM $serve_pid
wait $serve_pid 2>/dev/null
trap - EXIT

if [ -n "$peers" ]; then
  # the peers must print what Ratio prints
  "$out/davidson-c" "$rows100k" outcome > "$out/peer.csv"
  tail -n +2 "$out/j1.csv" | cmp -s - "$out/peer.csv" || { echo "bench: ratio and the C peer disagree" >&2; exit 1; }
  row "C peer (libcsv) outcome 1M" "$out/davidson-c $rows1m outcome" 1000000
  row "C peer (libcsv) outcome 100k" "$out/davidson-c $rows100k outcome" 100000
  row "C peer (libcsv) explain 100k" "$out/davidson-c $rows100k explain" 100000
  if command -v mawk > /dev/null; then
    row "mawk peer outcome 1M" "mawk -v mode=outcome -f $peers/peers/awk/davidson.awk $rows1m" 1000000
  fi
  if command -v python3 > /dev/null; then
    row "Python peer outcome 1M" "python3 $peers/peers/python/davidson.py $rows1m outcome" 1000000
    row "Python peer explain 100k" "python3 $peers/peers/python/davidson.py $rows100k explain" 100000
    pair3=$(paired_ratio "$ratio eval tests/bench/davidson -f $rows100k --format json" \
      "python3 $peers/peers/python/davidson.py $rows100k explain")
    echo "$pair3" > "$out/paired_json"
  fi
fi

# The table: rows/s from the median, peak RSS, and (with peers) the ratio
# of wall time to the C peer's on the same rows, measured alongside.
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores; wall time: median of $runs runs (hyperfine);" \
    "peak RSS of one run; x C peer: median ratio of $runs alternating runs with the C peer on the same rows."
  echo
  echo "| what | median wall (s) | rows/s | peak RSS (MiB) | x C peer |"
  echo "|---|---:|---:|---:|---:|"
  awk -F, '
    { rate = ($3 > 0 && $2 > 0) ? sprintf("%.2f M", $3 / $2 / 1e6) : "-"
      printf "| %s | %.4f | %s | %.1f | %s |\n", $1, $2, rate, $4 / 1024, ($5 != "" ? sprintf("%.2f", $5) : "-") }' "$out/raw.csv"
  echo
  echo "One re-evaluation of one row (every opinion, with explanation trees, in process): median ${latency} us."
  echo
  echo "ratio serve, POST /api/eval of the Davidson row, 50 concurrent clients on loopback (the clients share the machine):"
  echo "- the majority alone: $serve_one"
  echo "- the three opinions of the day (as_of 1986-01-21), as the page asks on each change (depth 0): $serve_page"
  echo "- the three opinions of the day, every tree in full: $serve_day"
} > "$table"
cat "$table"

# The targets, checked on this run's numbers: the ratios to the C peer are
# the paired ones of the table.
p3=""
if [ -s "$out/paired_json" ]; then
  p3=$(cat "$out/paired_json")
  echo "Paired: json 100k takes ${p3}x the Python peer's explain time." | tee -a "$table"
fi
awk -F, -v lat="$latency" -v p3="$p3" '
  { t[$1] = $2; kib[$1] = $4; x[$1] = $5 }
  END {
    ok = 1
    c = t["C peer (libcsv) outcome 1M"]
    if (c != "") {
      r = x["ratio csv 1M -j 1"]; printf "target: csv 1M one core <= 2x C peer: %.2fx %s\n", r, (r <= 2 ? "met" : "NOT met")
      r2 = x["ratio csv 1M -j 2"]; printf "target: csv 1M -j 2 <= 1.2x C peer: %.2fx %s\n", r2, (r2 <= 1.2 ? "met" : "NOT met")
      m = x["mawk peer outcome 1M"]
      if (m != "") printf "target: faster than mawk: %.2fx against %.2fx the C peer %s\n", x["ratio csv 1M -j 1"], m, (x["ratio csv 1M -j 1"] < m ? "met" : "NOT met")
      py = t["Python peer explain 100k"]
      if (py != "") {
        r3 = (p3 != "") ? p3 : t["ratio json 100k -j 1"] / py
        printf "target: json 100k at least the Python explain rate: %.2fx its time %s\n", r3, (r3 <= 1 ? "met" : "NOT met")
      }
    }
    d = (kib["ratio csv 1M -j 1"] - kib["ratio csv 100k -j 1"]) / 1024
    printf "target: peak RSS 1M within 2 MiB of 100k: %+.1f MiB %s\n", d, (d <= 2 ? "met" : "NOT met")
    l = t["pack load (ratio facts rules/due_process)"] * 1000
    printf "target: pack load < 20 ms: %.1f ms %s\n", l, (l < 20 ? "met" : "NOT met")
    printf "target: one re-evaluation < 50 us: %.1f us %s\n", lat, (lat < 50 ? "met" : "NOT met")
  }' "$out/raw.csv" | tee -a "$table"
serve_target() {
  echo "$2" | awk -v what="$1" '{ for (i = 1; i <= NF; i++) if ($i == "p99") p = $(i + 1)
    printf "target: serve p99 < 10 ms for one row (%s, 50 clients): %.2f ms %s\n", what, p, (p < 10 ? "met" : "NOT met") }' | tee -a "$table"
}
serve_target "the majority, its tree in full" "$serve_one"
serve_target "three opinions, as the page asks" "$serve_page"
serve_target "three opinions, every tree in full" "$serve_day"
