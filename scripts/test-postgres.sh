#!/usr/bin/env bash
# The store's test suite against PostgreSQL: installs Debian's `postgresql` when no server is
# installed, starts a throw-away cluster in a temporary directory on a free local port, runs
# the store and command-line PostgreSQL tests with SITREP_TEST_POSTGRES pointing at it (each
# test gets a schema of its own), and stops and removes the cluster however the tests end.
#
#   bash scripts/test-postgres.sh            # the tests
#   bash scripts/test-postgres.sh --shell    # a cluster for manual work; prints its URL
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

start_postgres
export SITREP_TEST_POSTGRES="$PG_URL"

if [ "${1:-}" = "--shell" ]; then
    echo "SITREP_TEST_POSTGRES=$SITREP_TEST_POSTGRES (exit the shell to stop the cluster)"
    "${SHELL:-bash}"
    exit 0
fi

echo "== store and command-line tests against PostgreSQL"
# --workspace, not -p: the test targets are chosen by name, so the build is the one `cargo test
# --workspace` already made (a -p build resolves other features and compiles everything again,
# four minutes of CI). Two same-named targets of other crates (the command line's `store`, the
# server's `watches`) run too; they take seconds.
cargo test --workspace --test store --test resolution --test watches --test bookkeeping \
    --test search --test postgres --test interrupted --test watch
