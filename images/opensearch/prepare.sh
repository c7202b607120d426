#!/usr/bin/env bash
# Resolves the OpenSearch jars (pom.xml, Maven's default repository, cached in ~/.m2) and compiles
# the embedding main into a directory outside the work tree, which is both what the host process runs
# (java -cp "<dir>/classes:<dir>/lib/*" DrillOpenSearch …) and the build context of the Containerfile.
# Redone only when pom.xml, the Java source or the Containerfile change.
# Prints the directory on stdout; progress and errors go to stderr.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${DRILL_CACHE_DIR:-$HOME/.cache/cdtn-recovery-drill}"
out="$cache/opensearch-2.19.6"
inputs="$(cat "$here/pom.xml" "$here"/src/*.java "$here/Containerfile" | sha256sum | cut -d' ' -f1)"

if [ "$(cat "$out/inputs.sha256" 2>/dev/null || true)" != "$inputs" ]; then
  echo "opensearch/prepare: resolving jars and compiling into $out" >&2
  rm -rf "$out.tmp" && mkdir -p "$out.tmp/lib" "$out.tmp/classes"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$out.tmp/lib" >"$out.tmp/mvn.log" 2>&1 \
    || { echo "opensearch/prepare: Maven could not resolve $here/pom.xml; last lines:" >&2; tail -n 20 "$out.tmp/mvn.log" >&2; exit 1; }
  javac -d "$out.tmp/classes" -cp "$out.tmp/lib/*" "$here"/src/*.java
  cp "$here/Containerfile" "$out.tmp/Containerfile"
  echo "$inputs" >"$out.tmp/inputs.sha256"
  rm -rf "$out" && mv "$out.tmp" "$out"
fi
echo "$out"
