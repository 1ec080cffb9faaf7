#!/usr/bin/env bash
# `npm run test:replicas`: two production-configured backends
# (app-config.production.yaml + scripts/replicas/app-config.replicas.yaml) on
# ports 7201 and 7202 against one PostgreSQL database, checked by
# scripts/replicas/run.js: scheduled work runs once per cadence across both,
# a webhook delivery may reach either, a replica killed with SIGKILL loses
# nothing it acknowledged. Ends with the line `N passed, N failed`.
#
# Uses the server in BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING when
# set (as .ci/run sets it; the harness creates and drops its own database
# there), else starts one with scripts/postgres.sh on BATON_REPLICAS_PG_PORT
# (default 54331). BATON_REPLICAS_KILL=0 leaves out the kill check.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
set +e
ensure_dependencies || exit 1
cd "$BATON_ROOT"
results="${BATON_REPLICAS_RESULTS:-$BATON_ROOT/test-results/replicas}"
rm -rf "$results" && mkdir -p "$results"

for port in "${BATON_REPLICAS_PORT_A:-7201}" "${BATON_REPLICAS_PORT_B:-7202}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "[replicas] port $port is already in use; set BATON_REPLICAS_PORT_A/B to free ones" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
done

server="${BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING:-}"
pgdir=""
if [ -z "$server" ]; then
  pgdir=$(mktemp -d /tmp/baton-replicas-pg.XXXXXX)
  if ! server=$(bash scripts/postgres.sh start "$pgdir" "${BATON_REPLICAS_PG_PORT:-54331}"); then
    echo "[replicas] could not start PostgreSQL (scripts/postgres.sh; see $pgdir)" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
fi
stop_postgres() { [ -z "$pgdir" ] || { bash scripts/postgres.sh stop "$pgdir"; rm -rf "$pgdir"; }; }
trap stop_postgres EXIT

started=$SECONDS
BATON_REPLICAS_PG="$server" BATON_REPLICAS_RESULTS="$results" node scripts/replicas/run.js
status=$?
echo "[replicas] harness took $((SECONDS - started)) s" >&2
exit $status
