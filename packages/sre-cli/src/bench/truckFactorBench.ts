/* eslint-disable no-console */
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { generateSyntheticHistory } from './syntheticHistory';

// `npm run bench`: wall time and peak RSS of `baton truck-factor` on a
// generated history (goal: 100,000 commits over 20,000 files in < 60 s, < 1 GB).
const commits = Number(process.env.BATON_BENCH_COMMITS ?? 100_000);
const files = Number(process.env.BATON_BENCH_FILES ?? 20_000);
const authors = Number(process.env.BATON_BENCH_AUTHORS ?? 40);

// Paths from the package root: the benchmark runs from source, like the bin.
const packageDir = path.dirname(require.resolve('@baton/sre-cli/package.json'));
const bin = path.join(packageDir, 'bin/baton');
const reporter = path.join(packageDir, 'src/bench/reportPeakRss.cjs');

async function timeCli(args: string[]) {
  const started = process.hrtime.bigint();
  let stdout = '';
  let rss = '';
  const child = spawn(process.execPath, ['--require', reporter, bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', chunk => (stdout += chunk));
  child.stderr.on('data', chunk => (rss += chunk));
  const code = await new Promise<number>(resolve =>
    child.on('close', c => resolve(c ?? 1)),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (code !== 0) throw new Error(`baton ${args.join(' ')} failed: ${rss}`);
  const peak = /peakRssKiB=(\d+)/.exec(rss);
  return {
    seconds,
    peakRssMiB: peak ? Number(peak[1]) / 1024 : NaN,
    result: JSON.parse(stdout),
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-'));
  try {
    const repository = path.join(dir, 'history.git');
    let started = Date.now();
    await generateSyntheticHistory(repository, { commits, files, authors });
    console.log(
      `generated ${commits} commits over ${files} files by ${authors} authors in ${(
        (Date.now() - started) /
        1000
      ).toFixed(1)} s`,
    );

    const rows = [];
    for (const mode of ['pairing', 'classic']) {
      started = Date.now();
      const run = await timeCli([
        'truck-factor',
        repository,
        '--json',
        ...(mode === 'classic' ? ['--classic'] : []),
      ]);
      rows.push({
        mode,
        wallSeconds: Number(run.seconds.toFixed(2)),
        peakRssMiB: Math.round(run.peakRssMiB),
        truckFactor: run.result.truckFactor,
        filesCounted: run.result.fileCount,
        people: run.result.people.length,
      });
    }
    console.table(rows);
    const out = path.resolve(packageDir, '../../test-results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(
      path.join(out, 'bench-truck-factor.json'),
      JSON.stringify({ commits, files, authors, rows }, null, 2),
    );
    const slow = rows.filter(r => r.wallSeconds > 60 || r.peakRssMiB > 1024);
    if (slow.length) {
      console.log(
        `over the goal (60 s, 1 GiB): ${slow.map(r => r.mode).join(', ')}`,
      );
      process.exitCode = 1;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
