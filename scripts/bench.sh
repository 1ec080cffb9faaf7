#!/usr/bin/env bash
# `npm run bench`: the project's speed and memory benchmarks.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
ensure_dependencies
cd "$BATON_ROOT"
status=0
for bench in truckFactorBench teamReportBench; do
  echo "── $bench"
  node --require @backstage/cli/config/nodeTransform.cjs "packages/sre-cli/src/bench/$bench.ts" || status=1
done
exit $status
