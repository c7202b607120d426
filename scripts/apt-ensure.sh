#!/usr/bin/env bash
# Installs the Debian packages given that are missing (apt-get update once, first); quiet when
# nothing is missing. Usage: scripts/apt-ensure.sh <who> <log file> <package>…
set -euo pipefail
who="$1" log="$2"
shift 2
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "$who: missing packages: ${missing[*]}; install them as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "$who: installing ${missing[*]}" >&2
mkdir -p "$(dirname "$log")"
if ! apt-get update -qq >"$log" 2>&1; then
  echo "$who: apt-get update failed; its log: $(tail -n 20 "$log")" >&2
  exit 1
fi
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >>"$log" 2>&1; then
  echo "$who: apt-get install ${missing[*]} failed; its log: $(tail -n 20 "$log")" >&2
  exit 1
fi
