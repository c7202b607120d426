#!/usr/bin/env bash
# Resolves Elasticsearch 8.13.4's integ-test distribution (pom.xml, Maven's default repository,
# cached in ~/.m2) and unpacks it outside the work tree, next to the Containerfile: the directory
# is what a host process runs (<dir>/elasticsearch-8.13.4/bin/elasticsearch) and the image's build
# context. Redone only when pom.xml or the Containerfile change. Prints the directory on stdout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${DRILL_CACHE_DIR:-$HOME/.cache/cdtn-recovery-drill}"
inputs="$(cat "$here/pom.xml" "$here/Containerfile" | sha256sum | cut -d' ' -f1)"
# One directory per input hash: a running engine keeps its jars when the inputs change.
out="$cache/elasticsearch-8.13.4-${inputs:0:12}"

if [ ! -f "$out/inputs.sha256" ]; then
  echo "elasticsearch/prepare: resolving and unpacking into $out" >&2
  tmp="$(mktemp -d "$out.XXXXXX")" && trap 'rm -rf "$tmp"' EXIT && chmod 755 "$tmp" && mkdir -p "$tmp/zip"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$tmp/zip" >"$tmp/mvn.log" 2>&1 \
    || { echo "elasticsearch/prepare: Maven could not resolve $here/pom.xml; last lines:" >&2; tail -n 20 "$tmp/mvn.log" >&2; exit 1; }
  (cd "$tmp" && unzip -q zip/elasticsearch-8.13.4.zip && rm -rf zip)
  # Elasticsearch refuses to run as root: whichever user runs it must be able to read it all.
  chmod -R a+rX "$tmp/elasticsearch-8.13.4"
  cp "$here/Containerfile" "$tmp/Containerfile"
  echo "$inputs" >"$tmp/inputs.sha256"
  # Two runs at once: the first to finish wins, the other one's copy is dropped.
  mv -T "$tmp" "$out" 2>/dev/null || true
fi
echo "$out"
