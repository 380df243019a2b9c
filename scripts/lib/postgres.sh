# Sourced by scripts that need a throw-away PostgreSQL server (tests, benchmarks).
#
#   source scripts/lib/postgres.sh
#   start_postgres        # sets PG_URL (postgres://sitrep@127.0.0.1:PORT/sitrep_test) and PG_BIN
#   pg_schema_url NAME    # creates schema NAME and prints a URL whose connections use it
#
# Installs Debian's `postgresql` when no server is installed, creates a cluster in a temporary
# directory on a free local port (trust authentication on 127.0.0.1 only, fsync off: the data
# is thrown away), and stops and removes it when the sourcing script exits.

_pg_as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

_pg_find_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
    elif command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
    fi
}

# The server refuses to run as root: run it as the package's `postgres` user then.
_pg_run() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_pg_stop() {
    [ -n "${_PG_DIR:-}" ] || return 0
    _pg_run "$PG_BIN/pg_ctl" -D "$_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$_PG_DIR"
}

start_postgres() {
    PG_BIN=$(_pg_find_bin)
    if [ -z "$PG_BIN" ]; then
        echo "== installing postgresql (Debian package)" >&2
        _pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2 \
            || { _pg_as_root apt-get update >&2 && _pg_as_root env DEBIAN_FRONTEND=noninteractive \
                apt-get install -y --no-install-recommends postgresql >&2; }
        PG_BIN=$(_pg_find_bin)
    fi
    [ -n "$PG_BIN" ] || { echo "no PostgreSQL server binaries found after installing" >&2; return 1; }

    _PG_DIR=$(mktemp -d /tmp/sitrep-pg.XXXXXX)
    trap _pg_stop EXIT
    chmod 755 "$_PG_DIR"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$_PG_DIR"; fi
    local port locale
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # C.UTF-8: identifiers sort byte by byte and lower() folds every script, as in sitrep's SQLite.
    locale=C.UTF-8
    locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$' || locale=C
    _pg_run "$PG_BIN/initdb" -D "$_PG_DIR/data" -U sitrep --auth=trust --encoding=UTF8 \
        --locale="$locale" >"$_PG_DIR/initdb.log" 2>&1 \
        || { cat "$_PG_DIR/initdb.log" >&2; return 1; }
    _pg_run "$PG_BIN/pg_ctl" -D "$_PG_DIR/data" -l "$_PG_DIR/server.log" -w \
        -o "-p $port -k $_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
        start >/dev/null \
        || { cat "$_PG_DIR/server.log" >&2; return 1; }
    _pg_run "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U sitrep sitrep_test
    PG_URL="postgres://sitrep@127.0.0.1:$port/sitrep_test"
    echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $port" >&2
}

pg_schema_url() {
    "$PG_BIN/psql" -q "$PG_URL" \
        -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $1 CASCADE; CREATE SCHEMA $1" >/dev/null
    echo "$PG_URL?options=-csearch_path%3D$1"
}
