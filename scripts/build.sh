#!/usr/bin/env bash
# `npm run build`: type declarations for the whole repository (tsc into
# dist-types/), then every package's dist/ and the app and backend bundles
# (backstage-cli repo build --all). Package builds read dist-types/, so tsc
# must run first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
ensure_dependencies
cd "$BATON_ROOT"
baton_yarn tsc
baton_yarn backstage-cli repo build --all
