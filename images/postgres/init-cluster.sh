#!/bin/sh
# Makes an empty cluster in PGDATA (run at build time, and at start on an empty volume); the
# entrypoint sets the credentials on first start (marker file .credentials-pending).
set -eu
# --no-sync: a throwaway server; flushing the fresh cluster only slows the start.
setpriv --reuid=postgres --regid=postgres --init-groups initdb --no-sync -D "$PGDATA" -U postgres -E UTF8 \
  --locale=en_US.utf8 --auth-local=trust --auth-host=scram-sha-256 >/dev/null 2>&1
echo 'host all all all scram-sha-256' >>"$PGDATA/pg_hba.conf"
touch "$PGDATA/.credentials-pending"
