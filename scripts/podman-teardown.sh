#!/usr/bin/env bash
# Stops what scripts/podman-setup.sh started: removes every container labelled
# org.testcontainers=true (Ryuk is disabled on Podman, so nothing else reaps them), then ends the
# podman service by its PID. Usage: scripts/podman-teardown.sh [pid]  (default: the recorded one)
#   or scripts/podman-teardown.sh --leave <user pid>: unregisters a user of the service (see
#   podman-setup.sh) and tears down only when no other user is alive and a user had started it.
set -euo pipefail

cache="${DRILL_CACHE_DIR:-$HOME/.cache/cdtn-recovery-drill}"
dir="$cache/podman"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$dir/containers.conf}"

if [ "${1:-}" = --leave ]; then
  exec 9>"$dir/setup.lock"
  flock 9
  rm -f "$dir/users/${2:?usage: podman-teardown.sh --leave <pid>}"
  for user in "$dir"/users/*; do
    [ -e "$user" ] || continue
    kill -0 "${user##*/}" 2>/dev/null && exit 0 # another command still uses the service
    rm -f "$user"
  done
  [ -f "$dir/owned" ] || exit 0 # started by hand: left running
  rm -f "$dir/owned"
  set --
fi
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
