#!/usr/bin/env bash
# Builds versitygw (an S3-compatible gateway over a POSIX directory) from the Go module proxy at
# the version of images/s3/versions.env. Static (cgo off), -trimpath, stripped. The binary is
# cached in $DRILL_CACHE_DIR/s3-<hash>/versitygw (default ~/.cache/cdtn-recovery-drill), keyed on
# `go version`, versions.env and this script; a cached binary is not rebuilt. Go's caches live in
# $DRILL_CACHE_DIR/go/. Progress goes to stderr; the last line on stdout is the binary's path.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
script="$root/scripts/$(basename "$0")"
. "$root/images/s3/versions.env"
: "${VERSITYGW_VERSION:?images/s3/versions.env must set VERSITYGW_VERSION}"
command -v go >/dev/null || { echo "s3-build: go is not on PATH" >&2; exit 1; }
cache="${DRILL_CACHE_DIR:-$HOME/.cache/cdtn-recovery-drill}"
export GOMODCACHE="${GOMODCACHE:-$cache/go/mod}" GOCACHE="${GOCACHE:-$cache/go/build}"
export GOFLAGS="-buildvcs=false -trimpath" CGO_ENABLED=0 GOTOOLCHAIN=local
hash="$({ go version; cat "$root/images/s3/versions.env" "$script"; } | sha256sum | cut -c1-16)"
out="$cache/s3-$hash"
mkdir -p "$cache"
exec 9>"$cache/s3-build.lock"
flock 9
if [ -x "$out/versitygw" ]; then
  echo "s3-build: up to date: $out/versitygw" >&2
  echo "$out/versitygw"
  exit 0
fi
started="$(date +%s)"
rm -rf "$out.partial"
mkdir -p "$out.partial"
GOBIN="$out.partial" nice -n 10 go install -ldflags="-s -w" \
  "github.com/versity/versitygw/cmd/versitygw@$VERSITYGW_VERSION" >&2
mv "$out.partial" "$out"
echo "s3-build: versitygw $VERSITYGW_VERSION built in $(( $(date +%s) - started )) s" >&2
echo "$out/versitygw"
