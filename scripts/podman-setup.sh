#!/usr/bin/env bash
# Sets up Podman as the container engine for machines without Docker (see
# ../shared/reference/platform.md): installs the stack when missing, writes the engine settings,
# starts `podman system service` on a unix socket and waits for it.
# Prints shell assignments on stdout for `eval "$(scripts/podman-setup.sh)"`; messages go to stderr.
# Idempotent: a service already answering on the socket is reused (PODMAN_SERVICE_STARTED=0).
# Stop it with scripts/podman-teardown.sh (by PID, checked against the service's command line).
# With PODMAN_USER_PID set (scripts/with-env.sh), that process is registered as a user of the
# service, and a service started for such a user is stopped by the last user to leave
# (`scripts/podman-teardown.sh --leave <pid>`), so concurrent commands keep their engine.
set -euo pipefail
. "$(dirname "$0")/process-identity.sh"

cache="${DRILL_CACHE_DIR:-$HOME/.cache/cdtn-recovery-drill}"
dir="$cache/podman"
sock="$dir/podman.sock"
pidfile="$dir/podman.pid"
conf="$dir/containers.conf"

fail() { echo "podman-setup: $*" >&2; exit 1; }

mkdir -p "$dir"
"$(dirname "$0")/apt-ensure.sh" podman-setup "$dir/apt.log" \
  podman uidmap fuse-overlayfs slirp4netns catatonit runc debootstrap || exit 1

# Settings verified on Podman 4.3 without systemd (why each one: platform.md).
cat >"$conf.tmp" <<'EOF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
exit_command_delay = 5
EOF
mv "$conf.tmp" "$conf"
export CONTAINERS_CONF="$conf"

answers() { curl -sf --max-time 2 --unix-socket "$sock" http://d/_ping >/dev/null 2>&1; }

# Two callers at once must not start two services: check and start under a lock.
exec 9>"$dir/setup.lock"
flock 9

started=0
if answers; then
  pid="$(cat "$pidfile" 2>/dev/null || true)"
else
  old="$(cat "$pidfile" 2>/dev/null || true)"
  if [ -n "$old" ] && is_podman_service "$old" "$sock"; then
    fail "a podman service (PID $old) holds $pidfile but does not answer on $sock; stop it with scripts/podman-teardown.sh"
  fi
  rm -f "$sock"
  # setsid: the service must not receive the caller's Ctrl-C before the teardown removed containers.
  # 9>&-: the service must not inherit (and keep) the lock.
  setsid podman system service --time=0 "unix://$sock" >"$dir/service.log" 2>&1 </dev/null 9>&- &
  pid=$!
  echo "$pid" >"$pidfile"
  started=1
  for _ in $(seq 1 100); do
    answers && break
    kill -0 "$pid" 2>/dev/null || fail "podman system service exited; its log: $(tail -n 20 "$dir/service.log")"
    sleep 0.1
  done
  answers || { kill "$pid" 2>/dev/null || true; fail "podman service did not answer on $sock after 10 s; log: $dir/service.log"; }
fi
if [ -n "${PODMAN_USER_PID:-}" ]; then
  mkdir -p "$dir/users"
  # Its start time too: a later process that gets the same PID is not taken for this user.
  process_start_time "$PODMAN_USER_PID" >"$dir/users/$PODMAN_USER_PID"
  [ "$started" = 1 ] && touch "$dir/owned"
fi

cat <<EOF
export CONTAINERS_CONF='$conf'
export DOCKER_HOST='unix://$sock'
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost
export PODMAN_SERVICE_PID='$pid'
export PODMAN_SERVICE_STARTED=$started
EOF
