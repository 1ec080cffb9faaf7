#!/usr/bin/env node
// `npm test`'s folder-cycle check: within each package's src/, the top-level
// folders (one per domain: slo, alerts, cost, access, readiness, review, and
// shared ones such as catalog or components) may not import each other in a
// cycle. A cycle means two domains cannot be read, tested or moved apart.
// Tests, test utilities and benchmarks are left out: they may reach anywhere.
//
//   node scripts/folder-cycles.js [package dir ...]   (default: plugins/* and packages/*)
//   node scripts/folder-cycles.js --self-test         checks the check on a made-up cycle
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SOURCE = /\.(ts|tsx|js|jsx)$/;
const TEST =
  /(\.test\.|\/__testUtils__\/|\/__fixtures__\/|setupTests|\/bench\/|Bench\.tsx?$)/;
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts'))
      files.push(full);
  }
  return files;
}

/** The top-level folder of src that a file is in, or null for a file directly in src. */
function folderOf(src, file) {
  const parts = path.relative(src, file).split(path.sep);
  return parts.length > 1 ? parts[0] : null;
}

/** Folder → folders it imports (relative imports only), with one example import each. */
function folderGraph(src) {
  const graph = new Map();
  for (const file of sourceFiles(src)) {
    if (TEST.test(file.split(path.sep).join('/'))) continue;
    const from = folderOf(src, file);
    if (!from) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? match[3];
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(src + path.sep)) continue;
      const to = folderOf(src, target);
      if (!to || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      const edges = graph.get(from);
      if (!edges.has(to))
        edges.set(to, `${path.relative(ROOT, file)} imports '${spec}'`);
    }
  }
  return graph;
}

/** Every cycle's folders (Tarjan's strongly connected components of more than one folder). */
function cyclesOf(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = node => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), indices.get(next)));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return components;
}

/** The cycles of a package, each with the imports that close it. */
function packageCycles(packageDir) {
  const src = path.join(packageDir, 'src');
  if (!fs.existsSync(src)) return [];
  const graph = folderGraph(src);
  return cyclesOf(graph).map(folders => ({
    folders,
    imports: folders.flatMap(from =>
      [...(graph.get(from) ?? new Map())]
        .filter(([to]) => folders.includes(to))
        .map(([to, example]) => `${from} → ${to}: ${example}`),
    ),
  }));
}

function check(packageDirs) {
  let found = 0;
  for (const dir of packageDirs) {
    for (const cycle of packageCycles(dir)) {
      found += 1;
      console.error(
        `${path.relative(ROOT, dir)}/src: folders ${cycle.folders.join(
          ', ',
        )} import each other in a cycle:`,
      );
      for (const line of cycle.imports) console.error(`  ${line}`);
    }
  }
  return found;
}

function selfTest() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folder-cycles-'));
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  write('src/alerts/A.ts', "import { b } from '../review/B';\n");
  write('src/review/B.ts', 'export const b = 1;\n');
  write('src/review/B.test.ts', "import '../alerts/A';\n");
  const without = packageCycles(dir).length;
  write('src/review/C.ts', "export { a } from '../alerts/A';\n");
  const withCycle = packageCycles(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  const ok =
    without === 0 &&
    withCycle.length === 1 &&
    withCycle[0].folders.join(',') === 'alerts,review';
  console.error(
    `folder-cycles self-test: ${without} cycles without review → alerts (a test file's import does not count), ${
      withCycle.length
    } with it (${withCycle
      .map(cycle => cycle.folders.join(' ⇄ '))
      .join('; ')}): ${ok ? 'ok' : 'FAILED'}`,
  );
  return ok;
}

if (require.main === module) {
  if (process.argv[2] === '--self-test') {
    process.exitCode = selfTest() ? 0 : 1;
  } else {
    const dirs = process.argv.slice(2).length
      ? process.argv.slice(2).map(dir => path.resolve(dir))
      : ['plugins', 'packages'].flatMap(parent =>
          fs
            .readdirSync(path.join(ROOT, parent))
            .map(name => path.join(ROOT, parent, name))
            .filter(dir => fs.existsSync(path.join(dir, 'package.json'))),
        );
    const found = check(dirs);
    console.error(
      found
        ? `${found} folder cycle(s): move the shared piece into a folder both may import (e.g. catalog/) or into sre-common`
        : `no folder cycles in ${dirs.length} packages`,
    );
    process.exitCode = found ? 1 : 0;
  }
}

module.exports = { packageCycles };
