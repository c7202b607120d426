#!/usr/bin/env bash
# Undoes what one command set up, and nothing else on the machine (other people's containers and
# the service other commands still use stay as they are):
#   --session <id>      removes the containers labelled org.cdtn-drill.session=<id>, the ones this
#                       command started (scripts/with-env.sh exports DRILL_SESSION; src/env puts it
#                       on every container as SESSION_LABEL; Ryuk is disabled on Podman);
#   --leave <user pid>  unregisters a user of the service (see podman-setup.sh) and stops the service
#                       only when no other user is alive and a user had started it;
#   [pid]               alone: stops the service (default: the PID recorded in podman.pid).
# A PID is signalled only while /proc/<pid>/cmdline is still the service podman-setup.sh started.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/process-identity.sh"

cache="${DRILL_CACHE_DIR:-$HOME/.cache/cdtn-recovery-drill}"
dir="$cache/podman"
sock="$dir/podman.sock"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$dir/containers.conf}"
usage='usage: podman-teardown.sh [--session <id>] [--leave <user pid>] | [pid]'

session='' leave=''
while [ $# -gt 0 ]; do
  case "$1" in
    --session) session="${2:?$usage}" && shift 2 ;;
    --leave) leave="${2:?$usage}" && shift 2 ;;
    -*) echo "podman-teardown: unknown option $1; $usage" >&2 && exit 2 ;;
    *) break ;;
  esac
done

if [ -n "$session" ]; then
  ids="$(podman ps -aq --filter "label=org.cdtn-drill.session=$session" 2>/dev/null || true)"
  if [ -n "$ids" ]; then
    # shellcheck disable=SC2086 # one id per word
    podman rm -f -t 2 $ids >/dev/null 2>&1 || echo "podman-teardown: could not remove containers: $ids" >&2
  fi
fi

if [ -n "$leave" ]; then
  exec 9>"$dir/setup.lock"
  flock 9
  rm -f "$dir/users/$leave"
  for user in "$dir"/users/*; do
    [ -e "$user" ] || continue
    process_is "${user##*/}" "$(cat "$user")" && exit 0 # another command still uses the service
    rm -f "$user"
  done
  [ -f "$dir/owned" ] || exit 0 # started by hand: left running
  rm -f "$dir/owned"
elif [ -n "$session" ]; then
  exit 0
fi

pid="${1:-$(cat "$dir/podman.pid" 2>/dev/null || true)}"
[ -n "$pid" ] || exit 0
if ! is_podman_service "$pid" "$sock"; then
  if process_is "$pid" ''; then
    echo "podman-teardown: PID $pid is not the podman service on $sock (now: $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)); not signalled" >&2
  fi
else
  kill "$pid"
  for _ in $(seq 1 100); do is_podman_service "$pid" "$sock" || break; sleep 0.1; done
  if is_podman_service "$pid" "$sock"; then
    echo "podman-teardown: the podman service (PID $pid) did not stop within 10 s of SIGTERM; killing it" >&2
    kill -9 "$pid"
  fi
fi
if [ "$pid" = "$(cat "$dir/podman.pid" 2>/dev/null || true)" ]; then
  rm -f "$dir/podman.pid" "$sock"
fi
