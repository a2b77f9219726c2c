#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the store tests.
#
#   scripts/ci/postgres.sh start DIR   installs Debian's postgresql when missing, creates a cluster in DIR (an empty
#                                      or missing folder), starts it on a free port from 55432 up, creates the role
#                                      and database `accord`, writes DIR/url and DIR/postgres.pid, and prints the URL
#                                      (the only line on stdout; progress goes to stderr)
#   scripts/ci/postgres.sh restart DIR restarts the server of DIR (a fast shutdown: open connections are cut, as by
#                                      a crash of the database server; the same options and port) and rewrites
#                                      DIR/postgres.pid
#   scripts/ci/postgres.sh stop DIR    stops the server by the PID in DIR/postgres.pid and removes DIR
#
# Run as root (as in CI), the cluster belongs to the `postgres` user; run as another user, to that user. The role's
# password is a fixed test value: the server listens on loopback only and lives as long as the test run.
set -euo pipefail

command=${1:-}
dir=${2:-}
if [[ -z "$command" || -z "$dir" ]]; then
    echo "usage: $0 start|restart|stop DIR" >&2
    exit 2
fi

say() { echo "postgres.sh: $*" >&2; }

# Runs a command as the cluster's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_postgresql() {
    if dpkg -s postgresql >/dev/null 2>&1; then return; fi
    say "installing Debian's postgresql"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y --no-install-recommends postgresql >&2; then
        apt-get update >&2
        apt-get install -y --no-install-recommends postgresql >&2
    fi
}

binaries() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
        say "no PostgreSQL binaries under /usr/lib/postgresql/*/bin"
        exit 1
    fi
    echo "$bin"
}

free_port() {
    local port
    for port in $(seq 55432 55531); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    say "no free port in 55432-55531"
    exit 1
}

start() {
    if [[ -f "$dir/postgres.pid" ]] && kill -0 "$(cat "$dir/postgres.pid")" 2>/dev/null; then
        say "already running (PID $(cat "$dir/postgres.pid"))"
        cat "$dir/url"
        return
    fi
    install_postgresql
    local bin port password=accord-ci-password
    bin=$(binaries)
    port=$(free_port)
    mkdir -p "$dir"
    touch "$dir/.accord-postgres"
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi
    chmod 700 "$dir"
    say "creating a cluster in $dir/data"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    say "starting PostgreSQL on 127.0.0.1:$port"
    if ! as_owner "$bin/pg_ctl" start -D "$dir/data" -l "$dir/postgres.log" -s \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" >&2; then
        say "PostgreSQL did not start; its log:"
        cat "$dir/postgres.log" >&2 || true
        exit 1
    fi
    local tries=0
    until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; do
        tries=$((tries + 1))
        if [[ $tries -gt 60 ]]; then
            say "PostgreSQL did not start in 30 s; its log:"
            cat "$dir/postgres.log" >&2 || true
            exit 1
        fi
        sleep 0.5
    done
    head -n 1 "$dir/data/postmaster.pid" >"$dir/postgres.pid"
    as_owner "$bin/psql" -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres >&2 <<SQL
CREATE ROLE accord LOGIN PASSWORD '$password';
CREATE DATABASE accord OWNER accord;
SQL
    local url="postgres://accord:$password@127.0.0.1:$port/accord"
    echo "$url" >"$dir/url"
    say "ready (PID $(cat "$dir/postgres.pid"), log $dir/postgres.log)"
    echo "$url"
}

restart() {
    local bin port
    bin=$(binaries)
    port=$(sed 's/.*:\([0-9]*\)\/.*/\1/' "$dir/url")
    as_owner "$bin/pg_ctl" restart -D "$dir/data" -m fast -s -l "$dir/postgres.log" >&2
    local tries=0
    until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; do
        tries=$((tries + 1))
        if [[ $tries -gt 60 ]]; then
            say "PostgreSQL did not restart in 30 s"
            exit 1
        fi
        sleep 0.5
    done
    head -n 1 "$dir/data/postmaster.pid" >"$dir/postgres.pid"
    say "restarted (PID $(cat "$dir/postgres.pid"))"
}

stop() {
    if [[ -f "$dir/postgres.pid" ]]; then
        local pid
        pid=$(cat "$dir/postgres.pid")
        if kill -INT "$pid" 2>/dev/null; then
            local tries=0
            while kill -0 "$pid" 2>/dev/null; do
                tries=$((tries + 1))
                if [[ $tries -eq 40 ]]; then kill -QUIT "$pid" 2>/dev/null || true; fi
                if [[ $tries -gt 60 ]]; then
                    say "PostgreSQL (PID $pid) did not stop"
                    exit 1
                fi
                sleep 0.5
            done
        fi
        say "stopped (PID $pid)"
    fi
    if [[ -f "$dir/.accord-postgres" ]]; then
        rm -rf "$dir"
    elif [[ -e "$dir" ]]; then
        say "$dir was not made by this script; left in place"
    fi
}

case "$command" in
start) start ;;
restart) restart ;;
stop) stop ;;
*)
    echo "usage: $0 start|restart|stop DIR" >&2
    exit 2
    ;;
esac
