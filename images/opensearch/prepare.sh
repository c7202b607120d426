#!/usr/bin/env bash
# Resolves the OpenSearch jars (pom.xml, Maven's default repository, cached in ~/.m2) and compiles
# the embedding main into a directory outside the work tree, which is both what the host process runs
# (java -cp "<dir>/classes:<dir>/lib/*" DrillOpenSearch …) and the build context of the Containerfile.
# Redone only when pom.xml, the Java source or the Containerfile change.
# Prints the directory on stdout; progress and errors go to stderr.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${DRILL_CACHE_DIR:-$HOME/.cache/cdtn-recovery-drill}"
inputs="$(cat "$here/pom.xml" "$here"/src/*.java "$here/Containerfile" | sha256sum | cut -d' ' -f1)"
# One directory per input hash: a running engine keeps its jars when the inputs change.
out="$cache/opensearch-2.19.6-${inputs:0:12}"

if [ ! -f "$out/inputs.sha256" ]; then
  echo "opensearch/prepare: resolving jars and compiling into $out" >&2
  tmp="$(mktemp -d "$out.XXXXXX")" && trap 'rm -rf "$tmp"' EXIT && chmod 755 "$tmp" && mkdir -p "$tmp/lib" "$tmp/classes"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$tmp/lib" >"$tmp/mvn.log" 2>&1 \
    || { echo "opensearch/prepare: Maven could not resolve $here/pom.xml; last lines:" >&2; tail -n 20 "$tmp/mvn.log" >&2; exit 1; }
  javac -d "$tmp/classes" -cp "$tmp/lib/*" "$here"/src/*.java
  cp "$here/Containerfile" "$tmp/Containerfile"
  echo "$inputs" >"$tmp/inputs.sha256"
  # Two runs at once: the first to finish wins, the other one's copy is dropped.
  mv -T "$tmp" "$out" 2>/dev/null || true
fi
echo "$out"
