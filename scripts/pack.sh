#!/usr/bin/env bash
# `npm run pack`: one npm tarball per package an adopter installs, in
# dist-packages/ (git-ignored), packed as `npm publish` would publish them.
#
# Releasable packages are the workspaces without `"private": true` (app,
# backend and the demo module stay private). Each is packed with
# `yarn workspace <name> pack`, whose prepack/postpack run
# `backstage-cli package prepack/postpack`: package.json points at dist while
# packing, and yarn turns `workspace:` ranges into real versions.
#
# Builds first (scripts/build.sh: tsc, then backstage-cli repo build --all) when a
# package's dist is missing or older than its sources. Fails when a tarball
# carries sources, tests, fixtures, test utilities or node_modules, or when
# its package.json keeps a `workspace:` range, points at a file it lacks, or
# names another Backstage release than backstage.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
ensure_dependencies
cd "$BATON_ROOT"

out="$BATON_ROOT/dist-packages"

# "<dir> <name> <version>" for each workspace that is not private.
releasable=$(node -e '
  const fs = require("fs");
  const path = require("path");
  for (const parent of ["plugins", "packages"]) {
    for (const dir of fs.readdirSync(parent).sort()) {
      const file = path.join(parent, dir, "package.json");
      if (!fs.existsSync(file)) continue;
      const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
      if (!pkg.private) console.log(`${parent}/${dir} ${pkg.name} ${pkg.version}`);
    }
  }
')

# The dist of a package is stale when a source file is newer than its entry point.
dist_is_stale() {
  local dir=$1 entry
  entry=$(ls "$dir"/dist/index.cjs.js "$dir"/dist/index.esm.js 2>/dev/null | head -n 1 || true)
  [ -z "$entry" ] && return 0
  local sources=("$dir/src")
  [ -f "$dir/config.d.ts" ] && sources+=("$dir/config.d.ts")
  [ -d "$dir/migrations" ] && sources+=("$dir/migrations")
  [ -n "$(find "${sources[@]}" -type f -newer "$entry" -print -quit)" ]
}

stale=""
while read -r dir name version; do
  if dist_is_stale "$dir"; then stale="$stale $name"; fi
done <<<"$releasable"
if [ -n "$stale" ]; then
  baton_log "dist missing or older than the sources of:$stale; building (npm run build)"
  bash scripts/build.sh
fi

# A pack that fails between prepack and postpack leaves package.json in its
# publishing shape; put the original back.
restore_package_json() {
  local dir=$1
  if [ -f "$dir/package.json-prepack" ]; then
    mv "$dir/package.json-prepack" "$dir/package.json"
    rm -f "$dir/config.schema.json"
    baton_log "restored $dir/package.json after a failed pack"
  fi
}
packing=""
trap '[ -n "$packing" ] && restore_package_json "$packing"' EXIT

rm -rf "$out"
mkdir -p "$out"
tarballs=()
while read -r dir name version; do
  # npm's naming: @baton/plugin-sre 0.1.0 → baton-plugin-sre-0.1.0.tgz
  tarball="$out/$(echo "${name#@}" | tr / -)-$version.tgz"
  baton_log "packing $name"
  packing=$dir
  if ! baton_yarn workspace "$name" pack --out "$tarball" >"$out/.pack.log" 2>&1; then
    cat "$out/.pack.log" >&2
    baton_log "FAILED: yarn pack of $name"
    exit 1
  fi
  restore_package_json "$dir"
  packing=""
  tarballs+=("$tarball")
done <<<"$releasable"
rm -f "$out/.pack.log"

node scripts/checkPackedTarballs.cjs "$(node -p 'require("./backstage.json").version')" "${tarballs[@]}"
