#!/usr/bin/env bash
# The store's test suite against PostgreSQL: installs Debian's `postgresql` when no server is
# installed, starts a throw-away cluster in a temporary directory on a free local port, runs
# the store tests with SITREP_TEST_POSTGRES pointing at it (each test gets a schema of its
# own), and stops and removes the cluster however the tests end.
#
#   bash scripts/test-postgres.sh            # the store tests
#   bash scripts/test-postgres.sh --shell    # a cluster for manual work; prints its URL
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

find_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
    elif command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
    fi
}

bin=$(find_bin)
if [ -z "$bin" ]; then
    echo "== installing postgresql (Debian package)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql \
        || { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y --no-install-recommends postgresql; }
    bin=$(find_bin)
fi
[ -n "$bin" ] || { echo "no PostgreSQL server binaries found after installing" >&2; exit 1; }

# The server refuses to run as root: run it as the package's `postgres` user then.
run() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

dir=$(mktemp -d /tmp/sitrep-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop() {
    run "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT

# C.UTF-8: identifiers sort byte by byte and lower() folds every script, as in sitrep's SQLite.
locale=C.UTF-8
locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$' || locale=C
run "$bin/initdb" -D "$dir/data" -U sitrep --auth=trust --encoding=UTF8 --locale="$locale" >"$dir/initdb.log" \
    || { cat "$dir/initdb.log" >&2; exit 1; }
run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
run "$bin/createdb" -h 127.0.0.1 -p "$port" -U sitrep sitrep_test

export SITREP_TEST_POSTGRES="postgres://sitrep@127.0.0.1:$port/sitrep_test"
echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port"

if [ "${1:-}" = "--shell" ]; then
    echo "SITREP_TEST_POSTGRES=$SITREP_TEST_POSTGRES (exit the shell to stop the cluster)"
    "${SHELL:-bash}"
    exit 0
fi

echo "== cargo test -p sitrep-store against PostgreSQL"
cargo test -p sitrep-store --test store --test resolution --test postgres
