#!/usr/bin/env bash
# The project's tests: every crate's unit, integration and property tests, then the dashboard
# in headless Chromium (scripts/browser-test.sh installs chromium and playwright-core when they
# are missing). This is the README's test command and what CI runs after fmt and clippy.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo test --workspace"
cargo test --workspace

echo "== dashboard in headless Chromium"
bash scripts/browser-test.sh
