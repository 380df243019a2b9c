# Sourced by the ingest benchmarks: builds the release binary and the synthetic corpus.
#
#   source scripts/lib/ingest-corpus.sh
#   prepare_ingest_corpus ARTICLES SEED
#
# Sets `work` (target/bench), `sitrep` (the release binary), `corpus` (a directory of JSON
# Lines, one file per outlet, made once by scripts/bench/gen_ingest_corpus.py and kept for
# later runs) and `records` (its number of articles). Run from the repository's root.

prepare_ingest_corpus() {
    local articles=$1 seed=$2
    work="$PWD/target/bench"
    corpus="$work/ingest-corpus-$articles-$seed"
    mkdir -p "$work"
    cargo build -q --release -p sitrep-cli
    sitrep="${CARGO_TARGET_DIR:-$PWD/target}/release/sitrep"
    if [ ! -d "$corpus" ]; then
        python3 scripts/bench/gen_ingest_corpus.py "$corpus.tmp" "$articles" "$seed"
        mv "$corpus.tmp" "$corpus"
    fi
    records=$(cat "$corpus"/*.jsonl | wc -l)
}
