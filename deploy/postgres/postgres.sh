#!/usr/bin/env bash
# Private, throw-away PostgreSQL server on 127.0.0.1 for tests and local
# development. Durability is switched off (fsync etc.): never use for real data.
#
#   postgres.sh start <data_dir> <port>   initdb (first time) + start, wait until ready
#   postgres.sh stop <data_dir>           fast shutdown (immediate if that hangs)
#   postgres.sh destroy <data_dir>        stop + delete the data dir
#   postgres.sh status <data_dir>         exit 0 if running
#   postgres.sh bindir                    print the directory with initdb/pg_ctl
#   postgres.sh provision <port> <role> <db> [<owner>]   the service's login role <role> and the database
#                                         <db>, owned by <owner> (default <role>_owner), who runs the
#                                         migrations; <role> owns nothing and gets read/write on what
#                                         <owner> creates, so row-level security holds it. Idempotent;
#                                         a database <role> owned (older provisioning) passes to <owner>.
#
# Superuser: "postgres", auth: trust (TCP 127.0.0.1 only).
#
# initdb/postgres refuse to run as root. As root we run them as the
# "postgres" system user; if that user cannot reach <data_dir> (e.g. it is
# under a 0700 pytest tmp dir) the cluster lives in a private dir under /tmp
# and <data_dir> becomes a symlink to it.
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }

PG_USER=postgres

find_bindir() {
    local d
    if [[ -n "${PG_BIN_DIR:-}" && -x "${PG_BIN_DIR}/initdb" ]]; then
        echo "$PG_BIN_DIR"; return 0
    fi
    # pg_config may come from libpq-dev without a server: check for initdb.
    if command -v pg_config >/dev/null; then
        d="$(pg_config --bindir 2>/dev/null || true)"
        if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; return 0; fi
    fi
    # Debian/Ubuntu layout: newest major version wins.
    local cands=(/usr/lib/postgresql/*/bin)
    d="$(printf '%s\n' "${cands[@]}" | sort -V | tail -n 1)"
    if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; return 0; fi
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
        dirname "$(readlink -f "$(command -v initdb)")"; return 0
    fi
    return 1
}

BIN="$(find_bindir)" || die "PostgreSQL server binaries not found (Debian: apt-get install -y postgresql)"

is_root() { [[ "$(id -u)" == 0 ]]; }

# Run a server binary as the unprivileged user when we are root. cd / so the
# tools do not complain about an unreadable cwd (e.g. /root).
as_pg() {
    if is_root; then
        (cd / && runuser -u "$PG_USER" -- "$@")
    else
        "$@"
    fi
}

ensure_pg_user() {
    is_root || return 0
    id -u "$PG_USER" >/dev/null 2>&1 && return 0
    useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
        --shell /usr/sbin/nologin "$PG_USER"
}

# The directory the cluster really lives in (follows the /tmp redirect).
real_dir() { readlink -f "$1"; }

prepare_data_dir() {
    local data_dir="$1"
    if [[ -L "$data_dir" ]]; then
        local target
        target="$(readlink -f "$data_dir")"
        [[ -d "$target" ]] || die "$data_dir points to missing $target"
        return 0
    fi
    mkdir -p "$data_dir"
    is_root || return 0
    chown "$PG_USER:" "$data_dir"
    chmod 700 "$data_dir"
    if ! runuser -u "$PG_USER" -- test -x "$data_dir" -a -w "$data_dir" 2>/dev/null; then
        # Some parent is not searchable by the postgres user: relocate.
        [[ -z "$(ls -A "$data_dir")" ]] \
            || die "$data_dir is not reachable by user $PG_USER and not empty"
        local private
        private="$(mktemp -d /tmp/crm-pg.XXXXXX)"
        chmod 755 "$private"
        mkdir "$private/data"
        chown "$PG_USER:" "$private/data"
        chmod 700 "$private/data"
        rmdir "$data_dir"
        ln -s "$private/data" "$data_dir"
    fi
}

start() {
    [[ $# -eq 2 ]] || die "usage: postgres.sh start <data_dir> <port>"
    local data_dir="$1" port="$2"
    [[ "$port" =~ ^[0-9]+$ ]] || die "bad port: $port"
    ensure_pg_user
    prepare_data_dir "$data_dir"
    local dir
    dir="$(real_dir "$data_dir")"

    if [[ ! -f "$dir/PG_VERSION" ]]; then
        # --no-sync: a test cluster does not need to survive a power cut.
        as_pg "$BIN/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C \
            --no-sync --no-instructions >"$dir.initdb.log" 2>&1 \
            || { cat "$dir.initdb.log" >&2 2>/dev/null; die "initdb failed"; }
        rm -f "$dir.initdb.log"
        echo "include_if_exists = 'crm_test.conf'" >>"$dir/postgresql.conf"
    fi

    # Unix socket inside the data dir, unless the path would exceed the
    # sun_path limit (~107 bytes); then TCP only (clients use 127.0.0.1).
    local sockdir="$dir"
    ((${#dir} + 20 < 100)) || sockdir=""

    # Rewritten on every start: the port may change between runs.
    local conf="$dir/crm_test.conf"
    cat >"$conf" <<EOF
# Generated by deploy/postgres/postgres.sh; rewritten on every start.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sockdir'
max_connections = 200
shared_buffers = 128MB
# Throw-away test server: trade durability for speed.
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
log_min_messages = warning
EOF
    is_root && chown "$PG_USER:" "$conf"

    if as_pg "$BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
        die "already running in $dir"
    fi
    # -w: wait until the server accepts connections (bounded by -t).
    as_pg "$BIN/pg_ctl" -D "$dir" -l "$dir/postgres.log" -w -t "${PG_START_TIMEOUT:-60}" start >/dev/null \
        || { tail -n 30 "$dir/postgres.log" >&2 2>/dev/null; die "server did not start (log: $dir/postgres.log)"; }
    echo "127.0.0.1:$port"
}

stop() {
    [[ $# -eq 1 ]] || die "usage: postgres.sh stop <data_dir>"
    local dir
    [[ -e "$1" ]] || return 0
    dir="$(real_dir "$1")"
    [[ -f "$dir/postmaster.pid" ]] || return 0
    # pg_ctl signals the pid recorded in postmaster.pid. Fast = roll back
    # open transactions and disconnect; immediate if that does not finish.
    as_pg "$BIN/pg_ctl" -D "$dir" -m fast -w -t "${PG_STOP_TIMEOUT:-30}" stop >/dev/null 2>&1 \
        || as_pg "$BIN/pg_ctl" -D "$dir" -m immediate -w -t 10 stop >/dev/null 2>&1 \
        || true
    if as_pg "$BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
        die "server in $dir did not stop"
    fi
}

destroy() {
    [[ $# -eq 1 ]] || die "usage: postgres.sh destroy <data_dir>"
    local data_dir="$1"
    [[ -e "$data_dir" || -L "$data_dir" ]] || return 0
    stop "$data_dir"
    if [[ -L "$data_dir" ]]; then
        local target
        target="$(readlink -f "$data_dir" || true)"
        rm -f "$data_dir"
        # Only remove redirect targets we created ourselves.
        if [[ "$target" == /tmp/crm-pg.*/data ]]; then rm -rf "$(dirname "$target")"; fi
    else
        rm -rf "$data_dir"
    fi
}

status() {
    [[ $# -eq 1 && -e "$1" ]] || return 1
    as_pg "$BIN/pg_ctl" -D "$(real_dir "$1")" status >/dev/null 2>&1
}

provision() {
    [[ $# -eq 3 || $# -eq 4 ]] || die "usage: postgres.sh provision <port> <role> <database> [<owner>]"
    local port="$1" role="$2" db="$3" owner="${4:-$2_owner}" psql
    [[ "$role" =~ ^[a-z_][a-z0-9_]*$ && "$owner" =~ ^[a-z_][a-z0-9_]*$ && "$db" =~ ^[a-z_][a-z0-9_]*$ ]] \
        || die "role, owner and database names: lower-case letters, digits and _"
    [[ "$role" != "$owner" ]] || die "the service role must not be the owner: row-level security would not hold it"
    psql="$(command -v psql || echo "$BIN/psql")"
    [[ -x "$psql" ]] || die "psql not found (Debian: apt-get install -y postgresql-client)"
    local run=("$psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
    local name
    for name in "$owner" "$role"; do
        if [[ -z "$("${run[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$name'")" ]]; then
            "${run[@]}" -c "CREATE ROLE \"$name\" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB"
        fi
    done
    if [[ -z "$("${run[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]]; then
        "${run[@]}" -c "CREATE DATABASE \"$db\" OWNER \"$owner\""
    fi
    # In the database: hand over what the service role owned, let the service use what the owner creates
    # (now and in every later migration), and let nobody else create in the schema.
    "$psql" -h 127.0.0.1 -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt <<SQL
ALTER DATABASE "$db" OWNER TO "$owner";
REASSIGN OWNED BY "$role" TO "$owner";
ALTER SCHEMA public OWNER TO "$owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "$role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "$role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "$role";
ALTER DEFAULT PRIVILEGES FOR ROLE "$owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "$role";
ALTER DEFAULT PRIVILEGES FOR ROLE "$owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "$role";
SQL
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
    start) start "$@" ;;
    stop) stop "$@" ;;
    destroy) destroy "$@" ;;
    status) status "$@" ;;
    bindir) echo "$BIN" ;;
    provision) provision "$@" ;;
    *) die "usage: postgres.sh {start <data_dir> <port>|stop <data_dir>|destroy <data_dir>|status <data_dir>|bindir|provision <port> <role> <db> [<owner>]}" ;;
esac
