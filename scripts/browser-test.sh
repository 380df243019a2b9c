#!/usr/bin/env bash
# Browser test of the dashboard: builds a store from examples/, starts `sitrep serve` on a free
# loopback port, and drives headless Chromium with Playwright through the dashboard
# (crates/server/tests/browser/dashboard.test.mjs). Installs Debian's chromium and
# chromium-driver when missing, and playwright-core (pinned by package-lock.json) with npm.
# Leaves a screenshot in target/browser-test/dashboard.png. Also checks that the server stops
# cleanly on SIGTERM.
#
#   bash scripts/browser-test.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
work="$root/target/browser-test"
mkdir -p "$work"

if [ ! -x /usr/bin/chromium ]; then
  echo "browser-test: installing chromium and chromium-driver" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

browser_dir="$root/crates/server/tests/browser"
if [ ! -d "$browser_dir/node_modules/playwright-core" ]; then
  (cd "$browser_dir" && npm ci --no-audit --no-fund --silent)
fi

source scripts/lib/test-binary.sh
sitrep=$(workspace_test_binary)

db="$work/examples.db"
rm -f "$db" "$db-wal" "$db-shm"
# The examples, and five outlets' reports of one bombing (from the resolution tests), which
# the store merges into one incident with five sources.
multi=crates/cli/tests/fixtures/resolve/pakistan-2023-05-16.jsonl
inputs=(examples/corpus.jsonl)
multi_source=0
if [ -f "$multi" ]; then inputs+=("$multi"); multi_source=1; fi
# A watch over Libya before the ingest, so that the alerts panel has alerts to show.
"$sitrep" watch add libya --country LY --db "$db" 2>"$work/watch.log"
"$sitrep" ingest "${inputs[@]}" --db "$db" 2>"$work/ingest.log"
# A followed folder, so that the sources panel lists one.
incoming="$work/incoming"
rm -rf "$incoming"; mkdir -p "$incoming"
printf 'Gunmen killed two guards at a checkpoint in Kandahar city, Afghanistan, on Sunday.\n' \
  >"$incoming/report.txt"
touch -d '1 minute ago' "$incoming/report.txt"
"$sitrep" follow --dir "$incoming" --once --db "$db" 2>"$work/follow.log"

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
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "browser-test: the server did not start" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$log" >&2; echo "browser-test: no address in the server log" >&2; exit 1; }
echo "browser-test: server at $url" >&2

set +e
SITREP_URL="$url" SCREENSHOT_DIR="$work" CHROMIUM=/usr/bin/chromium MULTI_SOURCE="$multi_source" \
  SITREP_BIN="$sitrep" SITREP_DB="$db" \
  node --test --test-reporter=spec "$browser_dir/dashboard.test.mjs" 2>&1 | tee "$work/node.log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -oE '^[^ ]+ pass [0-9]+' "$work/node.log" | grep -oE '[0-9]+$' || echo 0)
failed=$(grep -oE '^[^ ]+ fail [0-9]+' "$work/node.log" | grep -oE '[0-9]+$' || echo 0)

# Graceful shutdown: SIGTERM ends the server with status 0 after it says so.
kill -TERM "$server"
if wait "$server"; then
  grep -q "stopped" "$log" || { echo "browser-test: no 'stopped' after SIGTERM" >&2; status=1; }
else
  echo "browser-test: the server exited with status $? after SIGTERM" >&2
  status=1
fi
trap - EXIT

# The shutdown check counts as one more test.
if [ "$status" -eq 0 ]; then
  echo "browser-test: screenshots in $work" >&2
  echo "browser: $((passed + 1)) passed, $failed failed"
else
  cat "$log" >&2
  echo "browser: $passed passed, $((failed > 0 ? failed : 1)) failed"
fi
exit "$status"
