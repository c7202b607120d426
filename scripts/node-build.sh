#!/usr/bin/env bash
# Builds the rehearsal node's container runtime from the Go module proxy: containerd, its runc shim
# and ctr at CONTAINERD_VERSION, crictl at CRICTL_VERSION (images/k8s/versions.env). Static (cgo off,
# without the btrfs/devmapper/zfs snapshotters), -trimpath, stripped. runc and the CNI plugins come
# from Debian (scripts/with-env.sh). The kubelet and the scheduler are scripts/k8s-build.sh's.
# The binaries are cached in $DRILL_CACHE_DIR/node-<hash>/, keyed on `go version`, versions.env and
# this script; the Go caches are k8s-build.sh's. The last line on stdout is the binaries' directory.
# A cold build takes ~3 min on 2 cores.
set -euo pipefail
. "$(dirname "$0")/k8s-go-env.sh"
script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
log() { echo "node-build: $*" >&2; }
: "${CONTAINERD_VERSION:?images/k8s/versions.env must set CONTAINERD_VERSION}"
: "${CRICTL_VERSION:?images/k8s/versions.env must set CRICTL_VERSION}"

binaries=(containerd containerd-shim-runc-v2 ctr crictl)
hash="$({ go version; cat "$k8s_dir/versions.env" "$script" "$(dirname "$script")/k8s-go-env.sh"; } | sha256sum | cut -c1-16)"
open_binary_cache node "$hash" "${binaries[@]}"
install() { # package@version binary [ldflags]
  local step_started
  step_started="$(now_ms)"
  GOBIN="$partial" nice -n 10 go install -tags "no_btrfs no_devmapper no_zfs" -ldflags="-s -w ${3:-}" "$1"
  log "$2 built in $(( ($(now_ms) - step_started) / 1000 )) s ($(du -m "$partial/$2" | cut -f1) MB)"
}
log "building containerd $CONTAINERD_VERSION and crictl $CRICTL_VERSION into $out (cold: ~3 min)"
containerd_version="-X github.com/containerd/containerd/v2/version.Version=$CONTAINERD_VERSION"
for command in containerd containerd-shim-runc-v2 ctr; do
  install "github.com/containerd/containerd/v2/cmd/$command@$CONTAINERD_VERSION" "$command" "$containerd_version"
done
install "sigs.k8s.io/cri-tools/cmd/crictl@$CRICTL_VERSION" crictl "-X sigs.k8s.io/cri-tools/pkg/version.Version=$CRICTL_VERSION"
reported="$("$partial/containerd" --version)"
case "$reported" in *" $CONTAINERD_VERSION "*) ;; *) log "containerd --version says '$reported', expected $CONTAINERD_VERSION"; exit 1 ;; esac
close_binary_cache node
