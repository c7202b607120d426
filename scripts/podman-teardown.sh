#!/usr/bin/env bash
# Stops what scripts/podman-setup.sh started: removes every container labelled
# org.testcontainers=true (Ryuk is disabled on Podman, so nothing else reaps them), then ends the
# podman service by its PID. Usage: scripts/podman-teardown.sh [pid]  (default: the recorded one)
set -euo pipefail

cache="${DRILL_CACHE_DIR:-$HOME/.cache/cdtn-recovery-drill}"
dir="$cache/podman"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$dir/containers.conf}"
pid="${1:-$(cat "$dir/podman.pid" 2>/dev/null || true)}"

ids="$(podman ps -aq --filter label=org.testcontainers=true 2>/dev/null || true)"
if [ -n "$ids" ]; then
  # shellcheck disable=SC2086 # one id per word
  podman rm -f -t 2 $ids >/dev/null 2>&1 || echo "podman-teardown: could not remove containers: $ids" >&2
fi

if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
fi
if [ "$pid" = "$(cat "$dir/podman.pid" 2>/dev/null || true)" ]; then
  rm -f "$dir/podman.pid" "$dir/podman.sock"
fi
