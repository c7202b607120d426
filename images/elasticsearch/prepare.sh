#!/usr/bin/env bash
# Resolves Elasticsearch 8.13.4's integ-test distribution (pom.xml, Maven's default repository,
# cached in ~/.m2) and unpacks it outside the work tree, next to the Containerfile: the directory
# is what a host process runs (<dir>/elasticsearch-8.13.4/bin/elasticsearch) and the image's build
# context. Redone only when pom.xml or the Containerfile change. Prints the directory on stdout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${DRILL_CACHE_DIR:-$HOME/.cache/cdtn-recovery-drill}"
out="$cache/elasticsearch-8.13.4"
inputs="$(cat "$here/pom.xml" "$here/Containerfile" | sha256sum | cut -d' ' -f1)"

if [ "$(cat "$out/inputs.sha256" 2>/dev/null || true)" != "$inputs" ]; then
  echo "elasticsearch/prepare: resolving and unpacking into $out" >&2
  rm -rf "$out.tmp" && mkdir -p "$out.tmp/zip"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$out.tmp/zip" >"$out.tmp/mvn.log" 2>&1 \
    || { echo "elasticsearch/prepare: Maven could not resolve $here/pom.xml; last lines:" >&2; tail -n 20 "$out.tmp/mvn.log" >&2; exit 1; }
  (cd "$out.tmp" && unzip -q zip/elasticsearch-8.13.4.zip && rm -rf zip)
  # Elasticsearch refuses to run as root: whichever user runs it must be able to read it all.
  chmod -R a+rX "$out.tmp/elasticsearch-8.13.4"
  cp "$here/Containerfile" "$out.tmp/Containerfile"
  echo "$inputs" >"$out.tmp/inputs.sha256"
  rm -rf "$out" && mv "$out.tmp" "$out"
fi
echo "$out"
