# Sourced by the test scripts that drive the `sitrep` binary (browser, contract): prints the
# path of the debug binary that `cargo test --workspace` builds.
#
#   source scripts/lib/test-binary.sh
#   sitrep=$(workspace_test_binary)
#
# `cargo build -p sitrep-cli` would build the same program again with other features (the
# workspace's tests unify the features their dev-dependencies ask for, a plain build does
# not), which costs CI a minute and a half after `cargo test --workspace` has already built
# it. Asking the test build for its binary is a no-op there and a full build when run alone.

workspace_test_binary() {
    cargo test -q --workspace --no-run --message-format=json 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    try:
        message = json.loads(line)
    except ValueError:
        continue
    target = message.get("target") or {}
    # The test build makes two programs of the bin target: the program itself, and the
    # harness of its unit tests (profile.test), which answers any option with an error.
    program = not (message.get("profile") or {}).get("test", True)
    if message.get("reason") == "compiler-artifact" and target.get("name") == "sitrep" \
            and "bin" in target.get("kind", []) and program and message.get("executable"):
        print(message["executable"])
        break
else:
    sys.exit("no sitrep binary in the output of cargo test --no-run")
'
}
