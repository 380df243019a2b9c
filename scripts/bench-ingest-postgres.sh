#!/usr/bin/env bash
# Ingest into a shared PostgreSQL store with 1, 2 and 4 workers (not a test; nothing here
# asserts a time): articles per second of N `sitrep ingest` processes writing to one database
# at once, each reading its own share of the corpus (as workers reading different feeds do),
# extraction and resolution included. Starts a throw-away server (scripts/lib/postgres.sh),
# so the database shares the machine's cores with the workers.
#
#   bash scripts/bench-ingest-postgres.sh [ARTICLES] [SEED]
#
# Defaults: 8000 articles, seed 1; the corpus is scripts/bench-ingest.sh's generator's, split
# into one file per outlet, dealt round-robin to the workers. Also prints one SQLite run of the
# same corpus for comparison, and checks that every run stored the same incidents.
set -euo pipefail

cd "$(dirname "$0")/.."
source scripts/lib/ingest-corpus.sh
prepare_ingest_corpus "${1:-8000}" "${2:-1}"
mapfile -t files < <(ls "$corpus"/*.jsonl)

source scripts/lib/postgres.sh
start_postgres

# Prints the wall seconds of `workers` ingests at once into `db`.
run() {
  local workers=$1 db=$2 start end pids=() w
  start=$(date +%s.%N)
  for ((w = 0; w < workers; w++)); do
    local share=()
    for ((i = w; i < ${#files[@]}; i += workers)); do share+=("${files[$i]}"); done
    RAYON_NUM_THREADS=2 "$sitrep" ingest "${share[@]}" --db "$db" 2>"$work/pg-bench-$w.log" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

incidents() {
  "$sitrep" query --db "$1" --include-background --format json | sha256sum | cut -c1-16
}

printf 'corpus      %s records (%s), %s files\n' "$records" "$corpus" "${#files[@]}"
printf 'machine     %s, %s cores; server and workers share them\n' "$(uname -m)" "$(nproc)"
rm -f "$work/pg-bench.db"*
seconds=$(run 1 "$work/pg-bench.db")
printf 'sqlite   1 worker   %6.2f s  %6.0f articles/s  incidents %s\n' "$seconds" \
  "$(echo "$records / $seconds" | bc -l)" "$(incidents "$work/pg-bench.db")"
for workers in 1 2 4; do
  url=$(pg_schema_url "bench_$workers")
  seconds=$(run "$workers" "$url")
  printf 'postgres %s worker%s %6.2f s  %6.0f articles/s  incidents %s\n' "$workers" \
    "$([ "$workers" -eq 1 ] && echo ' ' || echo 's')" "$seconds" \
    "$(echo "$records / $seconds" | bc -l)" "$(incidents "$url")"
done
