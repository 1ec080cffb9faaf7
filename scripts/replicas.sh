#!/usr/bin/env bash
# `npm run test:replicas`: two production-configured backends
# (app-config.production.yaml + scripts/replicas/app-config.replicas.yaml) on
# ports 7201 and 7202 against one PostgreSQL database, checked by
# scripts/replicas/run.js: scheduled work runs once per cadence across both,
# a webhook delivery may reach either, a replica killed with SIGKILL loses
# nothing it acknowledged. Ends with the line `N passed, N failed`.
#
# Starts a PostgreSQL server of its own with scripts/postgres.sh on
# BATON_REPLICAS_PG_PORT (default: the first free one from 54331), not the
# one the tests use: its database-restart check stops and starts the server.
# BATON_REPLICAS_KILL=0 leaves out the kill check.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
set +e
ensure_dependencies || exit 1
cd "$BATON_ROOT"
results="${BATON_REPLICAS_RESULTS:-$BATON_ROOT/test-results/replicas}"
rm -rf "$results" && mkdir -p "$results"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "${BATON_REPLICAS_PORT_A:-7201}" "${BATON_REPLICAS_PORT_B:-7202}"; do
  if port_in_use "$port"; then
    echo "[replicas] port $port is already in use; set BATON_REPLICAS_PORT_A/B to free ones" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
done

pgdir=""
stop_postgres() { [ -z "$pgdir" ] || { bash scripts/postgres.sh stop "$pgdir"; rm -rf "$pgdir"; }; }
trap stop_postgres EXIT
pgport="${BATON_REPLICAS_PG_PORT:-54331}"
# Without a port given, the first free one from 54331.
if [ -z "${BATON_REPLICAS_PG_PORT:-}" ]; then
  while port_in_use "$pgport" && [ "$pgport" -lt 54380 ]; do pgport=$((pgport + 1)); done
fi
pgdir=$(mktemp -d /tmp/baton-replicas-pg.XXXXXX)
if ! server=$(bash scripts/postgres.sh start "$pgdir" "$pgport"); then
  echo "[replicas] could not start PostgreSQL on port $pgport (scripts/postgres.sh):" >&2
  tail -n 5 "$pgdir/server.log" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# A generated git history for the knowledge-refresh kill check (run.js):
# 60,000 commits, long enough for git to be seen reading it.
if ! node --require @backstage/cli/config/nodeTransform.cjs -e '
  require("./packages/sre-cli/src/bench/syntheticHistory")
    .generateSyntheticHistory(process.argv[1], { commits: 60000, files: 6000, authors: 25 })
    .catch(error => { console.error(error); process.exit(1); });
' "$results/knowledge-repo.git"; then
  echo "[replicas] could not generate the knowledge history (git fast-import)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

started=$SECONDS
BATON_REPLICAS_PG="$server" BATON_REPLICAS_PG_DIR="$pgdir" BATON_REPLICAS_RESULTS="$results" node scripts/replicas/run.js
status=$?
echo "[replicas] harness took $((SECONDS - started)) s" >&2
exit $status
