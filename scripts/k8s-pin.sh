#!/usr/bin/env bash
# Regenerates the wrapper modules images/k8s/modules/{etcd,kubernetes}/go.mod and go.sum from the
# versions in images/k8s/versions.env; commit the result. scripts/k8s-build.sh builds from them.
# k8s.io/kubernetes requires its ~30 staging modules at v0.0.0 and points them at its own tree,
# which a dependent module ignores: each gets a replace to the published v0.X.Y instead, listed
# from its own go.mod.
set -euo pipefail
. "$(dirname "$0")/k8s-go-env.sh"
export GOFLAGS="${GOFLAGS/-mod=readonly/}"

cat >"$k8s_modules/etcd/go.mod" <<MOD
module cdtn-recovery-drill/k8s/etcd

go 1.26.0

require go.etcd.io/etcd/server/v3 $ETCD_VERSION
MOD
rm -f "$k8s_modules/etcd/go.sum"
(cd "$k8s_modules/etcd" && go mod tidy)

kubernetes_mod="$(cd /tmp && go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" | sed -n 's/^\s*"GoMod": "\(.*\)",$/\1/p')"
staging="$(sed -n '/^replace (/,/^)/p' "$kubernetes_mod" | awk '/=>/ {print $1}' |
  while read -r module; do
    # only those it requires: it also replaces sample modules that the proxy does not serve
    if grep -qE "^\s+$module v0\.0\.0" "$kubernetes_mod"; then printf '\t%s => %s %s\n' "$module" "$module" "$STAGING_VERSION"; fi
  done)"
[ -n "$staging" ] || { echo "k8s-pin: no staging module found in $kubernetes_mod" >&2; exit 1; }
cat >"$k8s_modules/kubernetes/go.mod" <<MOD
module cdtn-recovery-drill/k8s/kubernetes

go 1.26.0

godebug default=go1.26

require k8s.io/kubernetes $KUBERNETES_VERSION

replace (
$staging
)
MOD
rm -f "$k8s_modules/kubernetes/go.sum"
(cd "$k8s_modules/kubernetes" && go mod tidy)
echo "k8s-pin: modules pinned to Kubernetes $KUBERNETES_VERSION, etcd $ETCD_VERSION"
