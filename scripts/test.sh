#!/usr/bin/env bash
# `npm test`: type-check, API reports, lint, every package's jest tests (integration tests
# on SQLite, and on PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING
# is set) and the browser tests when a Chromium is found. Ends with the line
# `N passed, N failed`, where type-check, API reports, lint and formatting
# count as one test each.
# API reports: each published package's public API must match its committed
# report*.api.md (the CLI's commands and options, its cli-report.md).
#
# BATON_ADOPT=1 adds the adoption test (scripts/adopt.sh), which .ci/run sets,
# and BATON_REPLICAS=1 the replica harness (scripts/replicas.sh).
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

# The API report options, for this check and for regenerating the reports.
# Omitted messages: ae-undocumented (a member without TSDoc; one line per export
# is the house rule) and ae-wrong-input-file-type (a workspace package's "types"
# is its src/index.ts, and the message carries an absolute path). A missing
# release tag, a forgotten export or malformed TSDoc still fails. The demo
# module is private, so it has no report.
api_report_options=(-o ae-wrong-input-file-type,ae-undocumented --validate-release-tags
  --exclude plugins/sre-backend-module-demo)
api_reports() { # the public API of every published package against its committed report
  local log="$results/api-reports.log" fresh name dir
  if node_modules/.bin/backstage-repo-tools api-reports --ci "${api_report_options[@]}" >"$log" 2>&1; then
    return 0
  fi
  # repo-tools prints the whole new report of the first package that changed,
  # and its banner again; print a diff against the committed report instead.
  awk '/^The conflicting file is .*, with the following content:$/ {
      sub(/, with the following content:$/, "; the diff below shows what changed")
      print; skip = 1; next
    }
    skip && /^\*+$/ { if (++stars == 2) skip = 0; next }
    !skip' "$log" >&2
  for fresh in node_modules/.cache/api-extractor/*/report*.api.md; do
    [ -f "$fresh" ] || continue
    name=$(sed -n 's/^## API Report File for "\(.*\)"$/\1/p' "$fresh")
    dir=$(grep -l "\"name\": \"$name\"" plugins/*/package.json packages/*/package.json | head -n 1)
    dir=${dir%/package.json}
    [ -n "$dir" ] || continue
    diff -u --label "$dir/${fresh##*/} (committed)" --label "$dir/${fresh##*/} (from the code)" \
      "$dir/${fresh##*/}" "$fresh" >&2
  done
  echo "[baton] after an intended API change: node .yarn/releases/yarn-*.cjs tsc --incremental false && node_modules/.bin/backstage-repo-tools api-reports ${api_report_options[*]}" >&2
  echo "[baton] then commit the changed report*.api.md (and cli-report.md); full output in $log" >&2
  return 1
}

# A full build, not an incremental one: TypeScript prints a union in the order
# it met its members, so the dist-types the API reports are read from (the
# frontend's /alpha types above all) are only the same from run to run when
# every file is checked each time. A fresh clone builds in full either way.
check "type-check (tsc)" node "$(yarn_release)" tsc --incremental false
# After the type-check: API Extractor reads the dist-types it emitted.
check "API reports" api_reports
check "lint" node "$(yarn_release)" backstage-cli repo lint
check "formatting (prettier)" node_modules/.bin/prettier --check --loglevel warn .
# No two domain folders of a package import each other (scripts/folder-cycles.js);
# the self-test shows the check failing on a made-up cycle.
check "folder cycles" node scripts/folder-cycles.js
check "folder-cycle check finds a made-up cycle" node scripts/folder-cycles.js --self-test

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

# add_summary NAME FILE: adds the counts of a stage that writes its own
# `N passed, N failed` line to FILE (one failure when it wrote none).
add_summary() {
  local counts p f
  if counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$2" | tail -n 1); then
    echo "[baton] $1: $counts" >&2
    read -r p _ f _ <<<"$counts"
    passed=$((passed + p))
    failed=$((failed + f))
  else
    echo "[baton] FAILED: the $1 ended without its summary" >&2
    failed=$((failed + 1))
  fi
}

# The adoption test (Baton's tarballs in a freshly generated portal) takes
# minutes and the registry: on with BATON_ADOPT=1, as .ci/run sets it.
if [ "${BATON_ADOPT:-0}" = 1 ]; then
  step "adoption test (scripts/adopt.sh)"
  # Its own summary line goes to a file: only the last line of this run counts.
  BATON_ADOPT_RESULTS="$results" bash scripts/adopt.sh >"$results/adopt-summary.log"
  add_summary "adoption test" "$results/adopt-summary.log"
fi

# The replica harness (two production-configured backends on one
# PostgreSQL database, scripts/replicas.sh) takes minutes: on with
# BATON_REPLICAS=1.
if [ "${BATON_REPLICAS:-0}" = 1 ]; then
  step "replica harness (scripts/replicas.sh)"
  BATON_REPLICAS_RESULTS="$results/replicas" bash scripts/replicas.sh >"$results/replicas-summary.log"
  add_summary "replica harness" "$results/replicas-summary.log"
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
