#!/usr/bin/env bash
# Browser tests: starts the demo portal as `npm start` does, waits until both
# ends answer, runs e2e/*.test.js with Playwright in the system Chromium, and
# stops the portal. Writes jest's JSON result to $1/e2e.json.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
set +e
results="${1:-$BATON_ROOT/test-results}"
mkdir -p "$results"
cd "$BATON_ROOT"

for port in 3000 7007; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "[baton] port $port is already in use: stop the running portal before the browser tests" >&2
    exit 1
  fi
done

# Its own process group, so that stopping it stops the frontend and backend too.
setsid bash scripts/start.sh >"$results/portal.log" 2>&1 &
portal=$!
stop_portal() { kill -- "-$portal" 2>/dev/null; wait "$portal" 2>/dev/null; }
trap stop_portal EXIT

started=$SECONDS
wait_for_url http://localhost:7007/api/sre/health 300 "$portal" "$results/portal.log" &&
  wait_for_url http://localhost:3000 300 "$portal" "$results/portal.log" || exit 1
echo "[baton] portal answered after $((SECONDS - started)) s" >&2

BATON_E2E_RESULTS="$results" node node_modules/jest/bin/jest.js \
  --config e2e/jest.config.js --runInBand --json --outputFile="$results/e2e.json"
