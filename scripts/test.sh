#!/usr/bin/env bash
# `npm test`: type-check, lint, every package's jest tests (integration tests
# on SQLite, and on PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING
# is set) and the browser tests when a Chromium is found. Ends with the line
# `N passed, N failed`, where type-check, lint and formatting count as one
# test each.
#
# BATON_REQUIRE_POSTGRES=1 / BATON_REQUIRE_E2E=1 / BATON_REQUIRE_PROMETHEUS=1
# turn "not found, not run" into a failure. The real-Prometheus tests need
# Debian's prometheus and promtool on the PATH.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
set +e
ensure_dependencies || exit 1
cd "$BATON_ROOT"

export CI="${CI:-true}"
# Without a connection string TestDatabases would look for Docker, absent here.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
results="$BATON_ROOT/test-results"
rm -rf "$results" && mkdir -p "$results"
passed=0
failed=0

step() { printf '\n[baton] ── %s\n' "$*" >&2; }
check() { # name, command…: a whole-repo check that counts as one test
  local name=$1
  shift
  step "$name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "[baton] FAILED: $name" >&2; fi
}
count_jest() { # json file, label: adds a jest --json result to the totals
  local counts
  if ! counts=$(node -e '
    const r = require(process.argv[1]);
    // A suite that failed to run has no test results; count it as a failure.
    const broken = r.testResults.filter(s => s.status === "failed" && s.assertionResults.length === 0).length;
    console.log(r.numPassedTests, r.numFailedTests + broken, r.numPendingTests + r.numTodoTests);
  ' "$1" 2>/dev/null); then
    echo "[baton] FAILED: $2 wrote no results" >&2
    failed=$((failed + 1))
    return
  fi
  read -r p f s <<<"$counts"
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$s" -gt 0 ]; then
    echo "[baton] FAILED: $2 has $s skipped or todo tests; none may be skipped" >&2
    failed=$((failed + s))
  fi
}

check "type-check (tsc)" node "$(yarn_release)" tsc
check "lint" node "$(yarn_release)" backstage-cli repo lint
check "formatting (prettier)" node_modules/.bin/prettier --check --loglevel warn .

step "unit and integration tests (jest)"
if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING:-}" ]; then
  echo "[baton] integration tests run on SQLite and PostgreSQL" >&2
elif [ "${BATON_REQUIRE_POSTGRES:-0}" = 1 ]; then
  echo "[baton] FAILED: BATON_REQUIRE_POSTGRES=1 but BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING is not set" >&2
  failed=$((failed + 1))
else
  echo "[baton] PostgreSQL not configured: integration tests run on SQLite only" >&2
fi
node "$(yarn_release)" backstage-cli repo test --json --outputFile="$results/jest.json"
count_jest "$results/jest.json" "jest"

step "browser tests (Playwright + Chromium)"
chromium="${BATON_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -n "$chromium" ]; then
  BATON_CHROMIUM="$chromium" bash scripts/e2e.sh "$results"
  count_jest "$results/e2e.json" "browser tests"
elif [ "${BATON_REQUIRE_E2E:-0}" = 1 ]; then
  echo "[baton] FAILED: BATON_REQUIRE_E2E=1 but no Chromium was found" >&2
  failed=$((failed + 1))
else
  echo "[baton] no Chromium found: browser tests skipped (apt-get install -y chromium)" >&2
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
