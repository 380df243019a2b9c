#!/usr/bin/env bash
# Contract test of the HTTP API: schemathesis (PyPI, pinned below, installed into
# target/contract-test/venv when missing) generates requests from the OpenAPI document that
# `sitrep serve` publishes and runs every check against the server, in all its phases
# (examples, coverage, fuzzing, stateful). It fails on any server error and on any mismatch
# between the document and the server: a request the document calls valid that the server
# refuses, or one it calls invalid that the server accepts.
#
# The store holds the examples and one watch; the requests carry a live token so that the
# write routes (watches) are tested past authentication. /api/alerts/stream is left out: it
# is a server-sent event stream that stays open by design.
#
#   bash scripts/contract-test.sh [MAX_EXAMPLES] [SEED]
set -euo pipefail

max_examples=${1:-300}
seed=${2:-20261203}
schemathesis_version=4.32.5

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
work="$root/target/contract-test"
mkdir -p "$work"

venv="$work/venv"
if [ ! -x "$venv/bin/st" ] || ! "$venv/bin/st" --version 2>/dev/null | grep -q "$schemathesis_version"; then
  echo "contract-test: installing schemathesis $schemathesis_version" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version"
fi

source scripts/lib/test-binary.sh
sitrep=$(workspace_test_binary)

db="$work/contract.db"
rm -f "$db" "$db-wal" "$db-shm"
"$sitrep" ingest examples/corpus.jsonl --db "$db" 2>"$work/ingest.log"
"$sitrep" watch add libya --country LY --db "$db" 2>"$work/watch.log"
token=$("$sitrep" token create contract-test --db "$db" 2>/dev/null | grep -o 'sitrep_[A-Za-z0-9_-]*' | head -1)
[ -n "$token" ] || { echo "contract-test: no token was printed" >&2; exit 1; }

log="$work/serve.log"
: >"$log"
"$sitrep" serve --db "$db" --listen 127.0.0.1:0 2>"$log" &
server=$!
stop_server() {
  if kill -0 "$server" 2>/dev/null; then kill "$server" 2>/dev/null || true; fi
}
trap stop_server EXIT

url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "contract-test: the server did not start" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$log" >&2; echo "contract-test: no address in the server log" >&2; exit 1; }
echo "contract-test: server at $url, seed $seed, at most $max_examples examples per operation" >&2

set +e
# From the work folder, where schemathesis keeps its own files.
(cd "$work" && "$venv/bin/st" run "$url/api/openapi.json" \
  --checks all \
  --seed "$seed" \
  --max-examples "$max_examples" \
  --exclude-path /api/alerts/stream \
  --header "Authorization: Bearer $token" \
  --no-color) 2>&1 | tee "$work/schemathesis.log"
status=${PIPESTATUS[0]}
set -e

if ! kill -0 "$server" 2>/dev/null; then
  cat "$log" >&2
  echo "contract-test: the server died during the run" >&2
  status=1
fi
generated=$(grep -oE '[0-9]+ generated' "$work/schemathesis.log" | tail -1 || true)
echo "contract: ${generated:-no requests generated}, exit status $status"
exit "$status"
