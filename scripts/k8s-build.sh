#!/usr/bin/env bash
# Builds the rehearsal's Kubernetes from the Go module proxy: etcd, kube-apiserver,
# kube-controller-manager, kube-scheduler and kubelet, at the versions of images/k8s/versions.env,
# from the wrapper modules in images/k8s/modules/ (regenerate them with scripts/k8s-pin.sh).
# Static (cgo off), -trimpath, stripped; /version reports the pinned version.
# The binaries are cached in $DRILL_CACHE_DIR/k8s-<hash>/ (default ~/.cache/cdtn-recovery-drill),
# keyed on `go version`, the modules and this script; a cached set is not rebuilt. The Go caches
# (modules ~1 GB, build ~4 GB) live in $DRILL_CACHE_DIR/go/ and only speed up a rebuild.
# Progress goes to stderr; the last line on stdout is the binaries' directory.
# A cold build takes ~15 min on 2 cores (nice -n 10) and peaks at ~3 GB of memory while linking.
set -euo pipefail
. "$(dirname "$0")/k8s-go-env.sh"
script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
log() { echo "k8s-build: $*" >&2; }

# The modules must require what versions.env says, else they were not re-pinned after an edit.
ensure_required() { # module-dir module version
  local found
  found="$(awk -v m="$2" '$1 == "require" && $2 == m { print $3 }' "$k8s_modules/$1/go.mod")"
  if [ "$found" != "$3" ]; then
    echo "k8s-build: images/k8s/modules/$1/go.mod requires $2 ${found:-(nothing)}, versions.env says $3; run scripts/k8s-pin.sh" >&2
    exit 1
  fi
}
ensure_required etcd go.etcd.io/etcd/server/v3 "$ETCD_VERSION"
ensure_required kubernetes k8s.io/kubernetes "$KUBERNETES_VERSION"

binaries=(etcd kube-apiserver kube-controller-manager kube-scheduler kubelet)
hash="$({ go version; cat "$k8s_dir/versions.env" "$script" "$(dirname "$script")/k8s-go-env.sh" \
  "$k8s_modules"/*/go.mod "$k8s_modules"/*/go.sum "$k8s_modules"/*/tools.go; } | sha256sum | cut -c1-16)"
open_binary_cache k8s "$hash" "${binaries[@]}"
minor="${KUBERNETES_VERSION#v1.}"
minor="${minor%%.*}"
version_flags=""
for package in k8s.io/client-go/pkg/version k8s.io/component-base/version; do
  version_flags+=" -X $package.gitVersion=$KUBERNETES_VERSION -X $package.gitMajor=1"
  version_flags+=" -X $package.gitMinor=$minor -X $package.gitTreeState=clean"
done
build() { # module-dir package binary [ldflags]
  local step_started
  step_started="$(now_ms)"
  (cd "$k8s_modules/$1" && nice -n 10 go build -ldflags="-s -w ${4:-}" -o "$partial/$3" "$2")
  log "$3 built in $(( ($(now_ms) - step_started) / 1000 )) s ($(du -m "$partial/$3" | cut -f1) MB)"
}
log "building Kubernetes $KUBERNETES_VERSION and etcd $ETCD_VERSION into $out (cold: ~15 min)"
build etcd go.etcd.io/etcd/server/v3 etcd
for command in kube-apiserver kube-controller-manager kube-scheduler kubelet; do
  build kubernetes "k8s.io/kubernetes/cmd/$command" "$command" "$version_flags"
done
for binary in kube-apiserver kube-controller-manager kube-scheduler kubelet; do
  reported="$("$partial/$binary" --version)"
  [ "$reported" = "Kubernetes $KUBERNETES_VERSION" ] || { log "$binary --version says '$reported', expected 'Kubernetes $KUBERNETES_VERSION'"; exit 1; }
done
close_binary_cache k8s
