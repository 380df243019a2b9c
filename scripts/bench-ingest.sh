#!/usr/bin/env bash
# End-to-end ingest benchmark (not a test; nothing here asserts a time): articles per second
# of `sitrep ingest` into a fresh SQLite store, reading, cleaning, extraction, resolution
# (deduplication across outlets) and writes included, on 2 threads.
#
#   bash scripts/bench-ingest.sh [ARTICLES] [SEED]
#
# Defaults: 24000 articles, seed 1. The corpus is generated deterministically by
# scripts/bench/gen_ingest_corpus.py (templates over real place names from
# data/geo/cities.tsv, every event type, tolls and date styles varying, 1-6 outlets per
# event, deliberate duplicates) into target/bench/ingest-corpus-ARTICLES-SEED/ and kept for
# later runs. Each run ingests into a new store, then runs the same ingest again (everything
# skipped) to show the cost of a re-run.
set -euo pipefail

cd "$(dirname "$0")/.."
source scripts/lib/ingest-corpus.sh
prepare_ingest_corpus "${1:-24000}" "${2:-1}"
db="$work/ingest-bench.db"
bytes=$(cat "$corpus"/*.jsonl | wc -c)

# Prints "wall user system" seconds of one ingest; its stderr goes to ingest-bench.log.
run() {
  local TIMEFORMAT='%R %U %S'
  { time RAYON_NUM_THREADS=2 taskset -c 0,1 "$sitrep" ingest "$corpus" --db "$db" \
      2>"$work/ingest-bench.log"; } 2>&1
}

rm -f "$db" "$db-wal" "$db-shm"
read -r first user system < <(run)
summary=$(tail -n 1 "$work/ingest-bench.log")
read -r second _ _ < <(run)
incidents=$(sqlite3 "$db" 'SELECT count(*) FROM incidents' 2>/dev/null || echo "?")
load=$(cut -d' ' -f1-3 /proc/loadavg)

printf 'corpus      %s records, %.1f MB (%s)\n' "$records" "$(echo "$bytes / 1000000" | bc -l)" "$corpus"
printf 'machine     %s, %s cores online; ingest pinned to 2 cores, RAYON_NUM_THREADS=2\n' \
  "$(uname -m)" "$(nproc)"
printf 'ingest      %.2f s  ->  %.0f articles/s, %.1f MB/s\n' "$first" \
  "$(echo "$records / $first" | bc -l)" "$(echo "$bytes / $first / 1000000" | bc -l)"
printf 'cpu         %.2f s user + %.2f s system (%.0f articles per CPU-second); load average %s\n' \
  "$user" "$system" "$(echo "$records / ($user + $system)" | bc -l)" "$load"
printf 'summary     %s\n' "$summary"
printf 're-run      %.2f s (everything already stored)\n' "$second"
printf 'incidents   %s in the store\n' "$incidents"
