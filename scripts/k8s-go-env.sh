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
