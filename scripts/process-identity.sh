# Sourced by podman-setup.sh and podman-teardown.sh: tells whether a PID read from a file is still
# the process that wrote it, since a PID is recycled once its process ends. Nothing is signalled here.

# The process's start time (clock ticks since boot, field 22 of /proc/<pid>/stat); empty when gone.
# The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
process_start_time() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
  stat="${stat##*) }"
  cut -d' ' -f20 <<<"$stat"
}

# True when <pid> is alive and started at <start time> (an empty start time: any live process).
process_is() {
  local now
  now="$(process_start_time "$1")"
  [ -n "$now" ] && { [ -z "$2" ] || [ "$now" = "$2" ]; }
}

# True when <pid> is `podman system service … <socket>` as podman-setup.sh starts it.
is_podman_service() {
  local cmdline
  cmdline="$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *"system service --time=0 unix://$2 "* ]]
}
