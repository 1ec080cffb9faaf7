#!/usr/bin/env bash
# `npm run test:adopt`: installs Baton into a freshly generated Backstage
# portal as an adopter would, and finds its cards in a browser.
#
#   1. packs Baton's releasable packages (`npm run pack`, dist-packages/*.tgz);
#   2. generates a portal with @backstage/create-app at the Backstage release
#      this repository targets (backstage.json), outside the repository,
#      installing from the registry;
#   3. installs the tarballs and wires Baton exactly as the packages' READMEs
#      say (`adopt_baton` below: if README and script disagree, README is wrong);
#   4. starts the portal, checks /api/sre/health, a 401 without credentials and
#      an OpenSLO-annotated component registered from a file, and drives
#      Chromium to the component's page (the four cards) and the team's Bus
#      factor tab. Screenshots go to test-results/.
#
# Ends with `N passed, N failed` of its own checks. BATON_ADOPT_KEEP=1 keeps
# the generated portal; its path is printed.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
set +e
ensure_dependencies || exit 1
cd "$BATON_ROOT"

# @backstage/create-app 0.9.2 generates Backstage 1.55.0, the release in backstage.json.
CREATE_APP_VERSION=0.9.2
results="${BATON_ADOPT_RESULTS:-$BATON_ROOT/test-results}"
mkdir -p "$results"
work=$(mktemp -d /tmp/baton-adopt.XXXXXX)
portal="$work/portal"
log="$results/adopt.log"
: >"$log"
started=$SECONDS
passed=0
failed=0

step() { printf '\n[adopt] ── %s (%d s)\n' "$*" "$((SECONDS - started))" >&2; }
ok() { passed=$((passed + 1)); echo "[adopt] ok: $*" >&2; }
fail() { failed=$((failed + 1)); echo "[adopt] FAILED: $*" >&2; }
finish() {
  if [ -n "${portal_pid:-}" ]; then
    kill -- "-$portal_pid" 2>/dev/null
    wait "$portal_pid" 2>/dev/null
  fi
  if [ "${BATON_ADOPT_KEEP:-0}" = 1 ]; then
    echo "[adopt] the portal stays in $portal" >&2
  else
    rm -rf "$work"
  fi
  echo "[adopt] took $((SECONDS - started)) s" >&2
  echo
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}
trap 'finish; exit $?' EXIT
run() { # command…: its output goes to the log; a failure ends the test
  if ! "$@" >>"$log" 2>&1; then
    fail "$* (see $log)"
    tail -n 40 "$log" >&2
    exit 1
  fi
}

for port in 3000 7007; do
  if ! wait_for_free_port "$port" 30; then
    fail "port $port is in use: stop the running portal first"
    exit 1
  fi
done

# create-app checks for a `yarn` on PATH, and the portal's scripts call it:
# this repository's bundled Yarn release serves (no corepack, no global Yarn).
mkdir -p "$work/bin"
printf '#!/bin/sh\nexec node %q "$@"\n' "$(yarn_release)" >"$work/bin/yarn"
chmod +x "$work/bin/yarn"
export PATH="$work/bin:$PATH"

step "pack Baton's packages"
run bash scripts/pack.sh
tarballs=("$BATON_ROOT"/dist-packages/*.tgz)
[ -e "${tarballs[0]}" ] || { fail "npm run pack wrote no tarball"; exit 1; }
ok "${#tarballs[@]} tarballs packed"

step "generate a portal with @backstage/create-app@$CREATE_APP_VERSION"
cd "$work" || exit 1
BACKSTAGE_APP_NAME=portal run npx -y "@backstage/create-app@$CREATE_APP_VERSION" --skip-install --path "$portal"
[ -f "$portal/backstage.json" ] || { fail "create-app wrote no portal"; exit 1; }
ok "portal generated: Backstage $(node -p "require('$portal/backstage.json').version")"

# The generated template's own breakages on this machine kind (TOOLCHAIN.md):
# nothing to do with Baton, and every portal generated here needs them.
fix_template() {
  BATON_ROOT="$BATON_ROOT" node - "$portal" <<'EOF'
const fs = require('fs');
const path = require('path');
const root = process.argv[2];
const edit = (file, change) => {
  const json = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
  change(json);
  fs.writeFileSync(path.join(root, file), `${JSON.stringify(json, null, 2)}\n`);
};
// Signals needs httpRouter.addWebSocketHandler, which backend-defaults 0.19 has.
edit('packages/backend/package.json', pkg => {
  pkg.dependencies['@backstage/backend-defaults'] = '^0.19.0';
});
// better-sqlite3 12 crashes on Node >= 24.19; 13.2 ships a Linux binary.
// The template's `npmMinimalAgeGate: 3d` can pass @playwright/test while
// quarantining the playwright-core it pins (1.65.2 was published 51 minutes
// after it), which fails the install: Playwright at Baton's lockfile version.
const playwright = require(require.resolve('playwright-core/package.json', {
  paths: [process.env.BATON_ROOT],
})).version;
edit('package.json', pkg => {
  pkg.resolutions = {
    ...pkg.resolutions,
    'better-sqlite3': '^13.2.0',
    '@playwright/test': playwright,
    playwright,
    'playwright-core': playwright,
  };
  pkg.dependenciesMeta = {
    ...pkg.dependenciesMeta,
    'better-sqlite3': { built: false },
  };
});
EOF
}
run fix_template

# Baton is not on a registry here: every @baton/* name resolves to its
# tarball, so `yarn add @baton/…` below is what an adopter types.
use_tarballs() {
  node - "$portal" "${tarballs[@]}" <<'EOF'
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const [root, ...tarballs] = process.argv.slice(2);
const file = path.join(root, 'package.json');
const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
pkg.resolutions = pkg.resolutions ?? {};
for (const tarball of tarballs) {
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  pkg.resolutions[manifest.name] = `file:${tarball}`;
}
fs.writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
EOF
}
run use_tarballs

# `yarn --cwd <workspace> add <name…>` as it ends for a published package:
# each name at `^<version>` in the workspace's dependencies. (Yarn's own
# `add` asks the registry for the latest version first, and these names are
# on no registry here; the install below takes them from the tarballs.)
yarn_add() {
  node - "$@" <<'EOF'
const fs = require('fs');
const path = require('path');
const [workspace, ...names] = process.argv.slice(2);
const file = path.join(workspace, 'package.json');
const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
const root = JSON.parse(fs.readFileSync('package.json', 'utf8'));
for (const name of names) {
  const tarball = root.resolutions?.[name]?.replace(/^file:/, '');
  if (!tarball) throw new Error(`no tarball of ${name}`);
  const version = /-(\d+\.\d+\.\d+[^/]*)\.tgz$/.exec(tarball)[1];
  pkg.dependencies[name] = `^${version}`;
}
pkg.dependencies = Object.fromEntries(Object.entries(pkg.dependencies).sort());
fs.writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
EOF
}

# What the packages' READMEs tell an adopter to do, in their order.
adopt_baton() {
  # Install (plugins/sre-backend/README.md, plugins/sre/README.md).
  yarn_add packages/backend @baton/plugin-sre-backend \
    @baton/plugin-sre-backend-module-git @baton/plugin-sre-backend-module-prometheus \
    @baton/plugin-sre-backend-module-focus || return 1
  yarn_add packages/app @baton/plugin-sre || return 1
  # Wire the backend: one backend.add per plugin and module.
  node - packages/backend/src/index.ts <<'EOF' || return 1
const fs = require('fs');
const file = process.argv[2];
const source = fs.readFileSync(file, 'utf8');
const baton = [
  "backend.add(import('@baton/plugin-sre-backend'));",
  "backend.add(import('@baton/plugin-sre-backend-module-git'));",
  "backend.add(import('@baton/plugin-sre-backend-module-prometheus'));",
  "backend.add(import('@baton/plugin-sre-backend-module-focus'));",
].join('\n');
if (!source.includes('backend.start();')) throw new Error('no backend.start()');
fs.writeFileSync(file, source.replace('backend.start();', `${baton}\n\nbackend.start();`));
EOF
  # The frontend: the generated app discovers its plugins (`app.packages: all`).
  grep -q '^  packages: all' app-config.yaml || return 1
  # Annotate a component (README: annotations) and register its file.
  mkdir -p examples/baton
  cat >examples/baton/catalog-info.yaml <<'EOF'
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: adopt-checkout
  annotations:
    baton.dev/openslo: ./openslo.yaml
    baton.dev/runbook: https://runbooks.example.com/checkout
spec:
  type: service
  lifecycle: production
  owner: guests
EOF
  cat >examples/baton/openslo.yaml <<'EOF'
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
  displayName: Checkout availability
spec:
  service: adopt-checkout
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  objectives:
    - target: 0.999
  indicator:
    metadata:
      name: checkout-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: sum(http_requests_total{service="checkout",code!~"5.."})
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(http_requests_total{service="checkout"})
EOF
  node - app-config.yaml <<'EOF' || return 1
const fs = require('fs');
const file = process.argv[2];
const config = fs.readFileSync(file, 'utf8');
const anchor = '  locations:\n';
if (!config.includes(anchor)) throw new Error('no catalog.locations');
fs.writeFileSync(
  file,
  config.replace(
    anchor,
    `${anchor}    # Baton: a component annotated for its cards.\n    - type: file\n      target: ../../examples/baton/catalog-info.yaml\n`,
  ),
);
EOF
}
step "install the portal with Baton as its READMEs say"
cd "$portal" || exit 1
run adopt_baton
# The portal has no lockfile of ours to keep; Yarn makes installs immutable under CI=true.
run yarn install --no-immutable
for name in @baton/plugin-sre-backend @baton/plugin-sre; do
  [ -f "node_modules/$name/package.json" ] || { fail "$name is not installed"; exit 1; }
done
ok "Baton installed from its tarballs and wired"

step "start the portal"
setsid yarn start >"$results/adopt-portal.log" 2>&1 &
portal_pid=$!
if wait_for_url http://localhost:7007/api/sre/health 600 "$portal_pid" "$results/adopt-portal.log"; then
  ok "GET /api/sre/health answers: $(curl -fsS http://localhost:7007/api/sre/health)"
else
  fail "the backend did not answer /api/sre/health (see $results/adopt-portal.log)"
  exit 1
fi
code=$(curl -s -o /dev/null -w '%{http_code}' \
  http://localhost:7007/api/sre/entities/component/default/adopt-checkout/readiness)
[ "$code" = 401 ] && ok "without credentials: 401" || fail "without credentials: $code, not 401"
wait_for_url http://localhost:3000 600 "$portal_pid" "$results/adopt-portal.log" || { fail "the frontend did not answer"; exit 1; }

step "find Baton in the browser"
if BATON_ADOPT_RESULTS="$results" node "$BATON_ROOT/scripts/adopt-browser.js" >>"$log" 2>&1; then
  ok "the component's four Baton cards and the team's Bus factor tab (screenshots in $results)"
else
  fail "the browser check (see $log)"
  tail -n 30 "$log" >&2
fi
