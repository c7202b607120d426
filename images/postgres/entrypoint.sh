#!/bin/sh
# Behaves like the official image's entrypoint for what @testcontainers/postgresql sets
# (POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB) and `postgres -c …` arguments.
# The cluster is made at build time (initdb is the slowest part of a start); the first start only
# sets the credentials and creates the database in single-user mode, then the server runs as PID 1
# (setpriv execs, so it gets the stop signal). Ready when the log says "listening on IPv4 address",
# printed once: the set-up runs without TCP.
set -eu
user="${POSTGRES_USER:-postgres}"
db="${POSTGRES_DB:-$user}"
pending="$PGDATA/.credentials-pending"
[ -n "${POSTGRES_PASSWORD:-}" ] || { echo "entrypoint: POSTGRES_PASSWORD is required" >&2; exit 1; }

if [ ! -s "$PGDATA/PG_VERSION" ]; then # an empty volume mounted on PGDATA
  install -d -o postgres -g postgres -m 700 "$PGDATA"
  /usr/local/bin/init-cluster.sh
fi
if [ -e "$pending" ]; then
  literal() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/''/g")"; }
  ident() { printf '"%s"' "$(printf '%s' "$1" | sed 's/"/""/g')"; }
  # Single-user mode with -j: a statement ends with a semicolon and an empty line.
  {
    if [ "$user" = postgres ]; then
      printf '%s\n\n' "ALTER ROLE postgres PASSWORD $(literal "$POSTGRES_PASSWORD");"
    else
      printf '%s\n\n' "CREATE ROLE $(ident "$user") SUPERUSER LOGIN PASSWORD $(literal "$POSTGRES_PASSWORD");"
    fi
    [ "$db" = postgres ] || printf '%s\n\n' "CREATE DATABASE $(ident "$db") OWNER $(ident "$user");"
  } | setpriv --reuid=postgres --regid=postgres --init-groups postgres --single -F -D "$PGDATA" -j postgres \
    >/dev/null 2>/tmp/setup.log
  if grep -E 'ERROR|FATAL' /tmp/setup.log >&2; then
    echo "entrypoint: setting up user $user and database $db failed" >&2
    exit 1
  fi
  rm -f "$pending"
fi

if [ "${1:-}" = postgres ]; then
  shift
  exec setpriv --reuid=postgres --regid=postgres --init-groups postgres -D "$PGDATA" -c listen_addresses='*' "$@"
fi
exec "$@"
