#!/usr/bin/env node
/*
 * Checks the tarballs `npm run pack` wrote, as an adopter's install would see
 * them, and lists each with its size. Exits 1 on the first package with a
 * problem, after listing every problem found.
 *
 * Usage: node scripts/checkPackedTarballs.cjs <backstage version> <tarball…>
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

// Nothing that only the repository needs: sources, tests, fixtures, test
// helpers, installed dependencies.
const FORBIDDEN_ENTRIES = [
  { pattern: /(^|\/)src\//, what: 'source folder src/' },
  { pattern: /\.test\./, what: 'test file' },
  { pattern: /(^|\/)__fixtures__(\/|$)/, what: '__fixtures__' },
  { pattern: /(^|\/)__testUtils__(\/|$)/, what: '__testUtils__' },
  { pattern: /(^|\/)node_modules(\/|$)/, what: 'node_modules' },
];

const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
];

/**
 * Every file path named by an `exports` value (strings, nested conditions).
 * The `backstage` condition names a feature type that prepack detected, not a
 * file.
 */
function exportTargets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([condition]) => condition !== 'backstage')
      .flatMap(([, target]) => exportTargets(target));
  }
  return [];
}

function problemsOf(entries, pkg, backstageVersion) {
  const problems = [];
  for (const entry of entries) {
    const hit = FORBIDDEN_ENTRIES.find(({ pattern }) => pattern.test(entry));
    if (hit) problems.push(`contains ${hit.what}: ${entry}`);
  }
  if (pkg.private) problems.push('package.json says "private": true');
  for (const field of DEPENDENCY_FIELDS) {
    for (const [dep, range] of Object.entries(pkg[field] ?? {})) {
      if (String(range).startsWith('workspace:')) {
        problems.push(`${field}.${dep} is still "${range}"`);
      }
    }
  }

  const files = new Set(entries);
  const mustExist = [
    ['main', pkg.main],
    ['module', pkg.module],
    ['types', pkg.types],
    ['configSchema', pkg.configSchema],
    ...Object.entries(pkg.bin ?? {}).map(([name, file]) => [
      `bin.${name}`,
      file,
    ]),
    ...exportTargets(pkg.exports).map(file => ['exports', file]),
  ];
  for (const [field, file] of mustExist) {
    if (file && !files.has(path.posix.normalize(file))) {
      problems.push(`${field} points at ${file}, which is not in the tarball`);
    }
  }
  if (!files.has('README.md')) problems.push('has no README.md');

  const expected = `^${backstageVersion}`;
  const declared = pkg.backstage?.['supported-versions'];
  if (declared !== expected) {
    problems.push(
      `backstage.supported-versions is ${declared}, expected ${expected} (backstage.json)`,
    );
  }
  return problems;
}

function formatSize(bytes) {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} KiB`
    : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

function main() {
  const [backstageVersion, ...tarballs] = process.argv.slice(2);
  if (!backstageVersion || tarballs.length === 0) {
    console.error(
      'usage: checkPackedTarballs.cjs <backstage version> <tarball…>',
    );
    process.exit(2);
  }
  let failed = 0;
  let total = 0;
  for (const tarball of tarballs) {
    const entries = execFileSync('tar', ['-tzf', tarball], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
      .split('\n')
      .filter(line => line && !line.endsWith('/'))
      .map(line => line.replace(/^package\//, ''));
    const pkg = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {
        encoding: 'utf8',
      }),
    );
    const size = fs.statSync(tarball).size;
    total += size;
    const name = path.relative(process.cwd(), tarball);
    console.log(
      `${name.padEnd(70)} ${formatSize(size).padStart(10)}  ${String(
        entries.length,
      ).padStart(4)} files`,
    );
    const problems = problemsOf(entries, pkg, backstageVersion);
    for (const problem of problems) console.error(`  ✗ ${pkg.name} ${problem}`);
    if (problems.length > 0) failed += 1;
  }
  console.log(`${tarballs.length} tarballs, ${formatSize(total)} in all`);
  if (failed > 0) {
    console.error(`${failed} of ${tarballs.length} tarballs failed the checks`);
    process.exit(1);
  }
}

main();
