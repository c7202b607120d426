#!/usr/bin/env bash
# Builds the base image's root filesystem: a minimal Debian bookworm from the machine's own apt
# mirror (read from /etc/apt/sources.list*, never written in the repo), apt caches removed.
# Usage: rootfs.sh <output.tar>   (run as root by images/build.ts, which imports the tarball)
set -euo pipefail
out="$1"

# First URI serving the plain `bookworm` suite, in one-line or deb822 format.
mirror="$(
  { grep -hE '^\s*deb\s' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | awk '$3 == "bookworm" { print $2 }'
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -e "$f" ] || continue
      awk 'BEGIN { RS = "" } /(^|\n)Suites:[^\n]*[ \t]bookworm([ \t]|\n|$)/ {
             if (match($0, /URIs:[ \t]*[^ \t\n]+/)) { split(substr($0, RSTART, RLENGTH), a, /[ \t]+/); print a[2] } }' "$f"
    done
  } | head -n 1
)"
[ -n "$mirror" ] || { echo "rootfs.sh: no apt source for bookworm in /etc/apt/sources.list*" >&2; exit 1; }

rootfs="$(mktemp -d)"
trap 'rm -rf "$rootfs"' EXIT
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$out.log" 2>&1 \
  || { echo "rootfs.sh: debootstrap failed; last lines of $out.log:" >&2; tail -n 20 "$out.log" >&2; exit 1; }
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/lib/apt/lists/*
tar -C "$rootfs" -cf "$out.tmp" .
mv "$out.tmp" "$out"
