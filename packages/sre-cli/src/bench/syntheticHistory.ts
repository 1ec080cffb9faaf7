import { spawn } from 'child_process';
import fs from 'fs';

/** The shape of a generated git history. */
export interface SyntheticHistoryOptions {
  commits: number;
  files: number;
  authors: number;
  seed?: number;
}

/** mulberry32: a small seeded generator, so every run builds the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Builds a bare repository with `git fast-import`: all files created over the
 * first half of the history, 1–3 changes per commit after that, a few renames
 * and deletions, co-authors on one commit in ten, a renovate bot, and a
 * skewed author distribution (a few people write most of the code).
 */
export async function generateSyntheticHistory(
  repository: string,
  options: SyntheticHistoryOptions,
): Promise<void> {
  fs.mkdirSync(repository, { recursive: true });
  await run('git', ['init', '-q', '--bare', '-b', 'main', repository]);

  const next = random(options.seed ?? 42);
  const pick = (n: number) => Math.floor(next() * n);
  // Author i writes with weight 1/(i+1): a Zipf-like skew.
  const weights = Array.from(
    { length: options.authors },
    (_, i) => 1 / (i + 1),
  );
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickAuthor = () => {
    let r = next() * totalWeight;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r <= 0) return i;
    }
    return weights.length - 1;
  };
  const identity = (i: number) =>
    i < 0
      ? 'renovate[bot] <bot@renovateapp.com>'
      : `Dev ${i} <dev${i}@shop.example>`;

  const child = spawn('git', ['-C', repository, 'fast-import', '--quiet'], {
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', code => resolve(code ?? 1));
  });
  const write = async (text: string) => {
    if (!child.stdin.write(text)) {
      await new Promise(resolve => child.stdin.once('drain', resolve));
    }
  };
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;

  const live: string[] = [];
  let created = 0;
  let time = Date.parse('2020-01-01T00:00:00Z') / 1000;
  for (let k = 0; k < options.commits; k++) {
    time += 600 + pick(3600);
    const author = next() < 0.02 ? -1 : pickAuthor();
    const coAuthor = author >= 0 && next() < 0.1 ? pickAuthor() : undefined;
    const message =
      coAuthor !== undefined && coAuthor !== author
        ? `change ${k}\n\nCo-authored-by: ${identity(coAuthor)}\n`
        : `change ${k}\n`;
    const ops: string[] = [];
    const target = Math.min(
      options.files,
      Math.ceil(((k + 1) * options.files * 2) / options.commits),
    );
    while (created < target) {
      const path = `src/module${created % 200}/file${created}.ts`;
      live.push(path);
      ops.push(
        `M 100644 inline ${path}\n${data(
          `// ${path}\nexport const v = ${k};`,
        )}`,
      );
      created += 1;
    }
    const changes = 1 + pick(3);
    for (let c = 0; c < changes && live.length; c++) {
      const index = pick(live.length);
      const roll = next();
      if (roll < 0.005 && live.length > 1) {
        ops.push(`D ${live[index]}\n`);
        live.splice(index, 1);
      } else if (roll < 0.015) {
        const renamed = live[index].replace(/\.ts$/, `_r${k}.ts`);
        ops.push(`R ${live[index]} ${renamed}\n`);
        live[index] = renamed;
      } else {
        ops.push(
          `M 100644 inline ${live[index]}\n${data(
            `// ${live[index]}\nexport const v = ${k};`,
          )}`,
        );
      }
    }
    const header = `commit refs/heads/main\nmark :${k + 1}\nauthor ${identity(
      author,
    )} ${time} +0000\ncommitter ${identity(author)} ${time} +0000\n`;
    const parent = k > 0 ? `from :${k}\n` : '';
    await write(`${header}${data(message)}${parent}${ops.join('')}\n`);
  }
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`git fast-import failed (${code})`);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', code =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args[0]} failed (${code})`)),
    );
  });
}
