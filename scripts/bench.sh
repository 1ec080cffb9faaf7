#!/usr/bin/env bash
# `npm run bench`: the project's speed and memory benchmarks.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
ensure_dependencies
cd "$BATON_ROOT"
status=0
# The SLO and cost report benches also run on PostgreSQL when
# BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING is set; the
# large-catalog bench runs only there (BATON_BENCH_CATALOG_SCALE=0.05 for a
# quick run).
for bench in packages/sre-cli/src/bench/truckFactorBench.ts \
  packages/sre-cli/src/bench/teamReportBench.ts \
  plugins/sre-backend/src/slo/sloEvaluationBench.ts \
  plugins/sre-backend/src/alerts/alertIngestionBench.ts \
  plugins/sre-backend/src/cost/costReportBench.ts \
  plugins/sre-backend/src/changes/changeBench.ts \
  plugins/sre-backend/src/bench/largeCatalogBench.ts \
  plugins/sre-backend-module-focus/src/bench/focusImportBench.ts; do
  echo "── $(basename "$bench" .ts)"
  node --require @backstage/cli/config/nodeTransform.cjs "$bench" || status=1
done
# Warm render of an entity page's four cards in the production build (Chromium).
echo "── cardRenderBench"
bash scripts/card-render-bench.sh || status=1
exit $status
