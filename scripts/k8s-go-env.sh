# Sourced by k8s-pin.sh and k8s-build.sh: the pinned versions, and a Go set-up whose caches live
# outside the work tree (under the project's cache directory) with cgo off.
k8s_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../images/k8s" && pwd)"
k8s_modules="$k8s_dir/modules"
# shellcheck source=../images/k8s/versions.env
. "$k8s_dir/versions.env"
: "${KUBERNETES_VERSION:?images/k8s/versions.env must set KUBERNETES_VERSION}"
: "${ETCD_VERSION:?images/k8s/versions.env must set ETCD_VERSION}"
# k8s.io/kubernetes v1.X.Y is built with its staging modules (k8s.io/api, …) at v0.X.Y.
STAGING_VERSION="v0.${KUBERNETES_VERSION#v1.}"
command -v go >/dev/null || { echo "k8s: go is not on PATH (Go >= 1.26 builds Kubernetes)" >&2; exit 1; }
k8s_cache="${DRILL_CACHE_DIR:-$HOME/.cache/cdtn-recovery-drill}"
export GOMODCACHE="${GOMODCACHE:-$k8s_cache/go/mod}" GOCACHE="${GOCACHE:-$k8s_cache/go/build}"
export GOFLAGS="-buildvcs=false -trimpath -mod=readonly" CGO_ENABLED=0 GOTOOLCHAIN=local

# The binaries' cache, shared by k8s-build.sh and node-build.sh: a set of binaries lives in
# $k8s_cache/<name>-<hash>/, keyed on the hash of its inputs, built by one process at a time.
now_ms() { date +%s%3N; }
# open_binary_cache <name> <hash> <binary>…: prints the directory and exits when it holds every
# binary; otherwise takes the lock (a second caller then finds them) and sets $out, an empty
# $partial to build into, and $started.
open_binary_cache() {
  local name="$1" binary
  out="$k8s_cache/$1-$2"
  partial="$out.partial"
  shift 2
  mkdir -p "$k8s_cache"
  exec 9>"$k8s_cache/$name-build.lock"
  flock 9
  for binary in "$@"; do [ -x "$out/$binary" ] || break; done
  if [ -x "$out/$binary" ]; then
    echo "$name-build: up to date: $out" >&2
    echo "$out"
    exit 0
  fi
  started="$(now_ms)"
  rm -rf "$partial"
  mkdir -p "$partial"
}
# close_binary_cache <name>: the built set replaces any older one; prints its directory.
close_binary_cache() {
  rm -rf "$out"
  mv "$partial" "$out"
  echo "$1-build: built in $(( ($(now_ms) - started) / 1000 )) s: $out" >&2
  echo "$out"
}
