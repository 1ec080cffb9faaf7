#!/usr/bin/env bash
# `npm start`: the portal with the demo catalog on SQLite — backend on :7007,
# frontend on :3000. Extra arguments go to `backstage-cli repo start`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
ensure_dependencies
cd "$BATON_ROOT"
exec node "$(yarn_release)" backstage-cli repo start "$@"
