#!/usr/bin/env bash
# Part of `npm run bench`: builds the app for production (packages/app/dist),
# starts the demo backend serving it on its own port (as an adopter runs the
# app: one origin, no dev server), and times checkout-api's four Baton cards
# in Chromium (e2e/bench/cardRenderBench.js). Leaves a portal on :3000/:7007
# alone. Writes test-results/bench-card-render.{json,png}.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
ensure_dependencies
cd "$BATON_ROOT"
results="$BATON_ROOT/test-results"
mkdir -p "$results"
port="${BATON_BENCH_PORT:-7107}"
url="http://localhost:$port"

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "[bench] port $port is in use; set BATON_BENCH_PORT to a free one" >&2
  exit 1
fi

# One origin: the app and the backend both at $url, in the build and at runtime.
export APP_CONFIG_app_baseUrl="$url"
export APP_CONFIG_backend_baseUrl="$url"
export APP_CONFIG_backend_listen_port="$port"
export APP_CONFIG_backend_cors_origin="$url"

started=$SECONDS
(cd packages/app && baton_yarn backstage-cli package build) >"$results/bench-app-build.log" 2>&1 || {
  echo "[bench] the app build failed; see $results/bench-app-build.log" >&2
  tail -n 20 "$results/bench-app-build.log" >&2
  exit 1
}
echo "[bench] production app built in $((SECONDS - started)) s ($(du -sh packages/app/dist | cut -f1) in packages/app/dist)" >&2

# The backend without the CLI's file watcher (an edit elsewhere in the repo
# would restart it mid-run), in its own process group. Development mode only
# for the demo's guest sign-in.
(cd packages/backend && NODE_ENV=development exec setsid node \
  --require @backstage/cli/config/nodeTransform.cjs src/index.ts \
  --config ../../app-config.yaml) >"$results/bench-backend.log" 2>&1 &
backend=$!
stop_backend() { kill -- "-$backend" 2>/dev/null; wait "$backend" 2>/dev/null; }
trap stop_backend EXIT

wait_for_url "$url/api/sre/health" 300 "$backend" "$results/bench-backend.log" || exit 1
# The backend serves the built app, not a dev server's page.
# grep reads the whole page: `grep -q` would stop early and fail curl's write.
if ! curl -fsS "$url/catalog" | grep '<script' >/dev/null; then
  echo "[bench] $url does not serve the built app; see $results/bench-backend.log" >&2
  exit 1
fi

BATON_BENCH_URL="$url" BATON_E2E_RESULTS="$results" node e2e/bench/cardRenderBench.js
