#!/usr/bin/env bash
# Load benchmark of `sitrep serve` (not a test; nothing here asserts a time):
# p50/p99 latency of GET /api/incidents with a bounding box and a date range on a store of
# 1,000,000 synthetic incidents, measured with wrk on loopback.
#
#   bash scripts/bench-serve.sh [INCIDENTS] [DURATION] [CONNECTIONS]
#   SITREP_BENCH_STORE=postgres bash scripts/bench-serve.sh …   # the same store in PostgreSQL
#
# Defaults: 1000000 incidents, 30s, 8 connections ("1 8" measures both; wrk with 1 thread; the machine has 2
# cores shared by server and load generator). The store is generated deterministically by
# `cargo run --release -p sitrep-server --example gen_store` into target/bench/ and kept for
# later runs. Installs wrk (Debian package) when missing. With SITREP_BENCH_STORE=postgres the
# store is copied (`sitrep migrate`, timed) into a throw-away PostgreSQL server on the same
# machine (scripts/lib/postgres.sh) and served from there.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
incidents=${1:-1000000}
duration=${2:-30s}
connections=${3:-8}
target=${CARGO_TARGET_DIR:-$root/target}
work="$root/target/bench"
mkdir -p "$work"

if ! command -v wrk >/dev/null; then
  echo "bench-serve: installing wrk" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

cargo build -q --release -p sitrep-cli
cargo build -q --release -p sitrep-server --example gen_store
db="$work/incidents-$incidents.db"
if [ ! -f "$db" ]; then
  echo "bench-serve: generating $incidents incidents into $db" >&2
  "$target/release/examples/gen_store" "$db.tmp" "$incidents"
  mv "$db.tmp" "$db"
  rm -f "$db.tmp-wal" "$db.tmp-shm"
fi

# Opening the store brings its schema up to date (a new index is built over every row once);
# do it before the server starts, so that start-up is not part of the measurement.
time "$target/release/sitrep" query --db "$db" --limit 1 --format json >/dev/null

if [ "${SITREP_BENCH_STORE:-sqlite}" = postgres ]; then
  source scripts/lib/postgres.sh
  start_postgres
  pg=$(pg_schema_url bench_serve)
  echo "bench-serve: copying $db into PostgreSQL" >&2
  time "$target/release/sitrep" migrate --from "$db" --to "$pg"
  "$PG_BIN/psql" -q "$pg" -c "VACUUM ANALYZE" >/dev/null
  db=$pg
fi

log="$work/serve.log"
: >"$log"
"$target/release/sitrep" serve --db "$db" --listen 127.0.0.1:0 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; if declare -F _pg_stop >/dev/null; then _pg_stop; fi' EXIT
url=""
for _ in $(seq 1 200); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$log" >&2; echo "bench-serve: server did not start" >&2; exit 1; }

echo "bench-serve: $(curl -s "$url/healthz")" >&2
sample="$url/api/incidents?bbox=60,28,75,38&since=2010-01-01&until=2012-12-31&limit=100&total=true"
echo "bench-serve: sample $sample -> total $(curl -s "$sample" | grep -o '"total":[0-9]*')" >&2
# CONNECTIONS may list several counts ("1 8"): one measurement each.
for c in $connections; do
  # Warm the page cache and the connections' statement caches.
  wrk -t1 -c"$c" -d5s -s scripts/bench/serve-bbox-date.lua "$url" >/dev/null
  echo "bench-serve: wrk -t1 -c$c -d$duration --latency -s scripts/bench/serve-bbox-date.lua $url" >&2
  wrk -t1 -c"$c" -d"$duration" --latency -s scripts/bench/serve-bbox-date.lua "$url"
done
