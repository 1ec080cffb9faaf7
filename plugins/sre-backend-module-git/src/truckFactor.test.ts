import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { TestRepo } from './__testUtils__/TestRepo';
import { readCommits } from './gitHistory';
import { computeTruckFactor } from './truckFactor';

const people = {
  alice: ['Alice Example', 'alice@shop.example'],
  bob: ['Bob Example', 'bob@shop.example'],
  carol: ['Carol Example', 'carol@shop.example'],
  bot: ['renovate[bot]', '29139614+renovate[bot]@users.noreply.github.com'],
} as const;

const lines = (n: number, seed: string) =>
  Array.from({ length: n }, (_, i) => `${seed} line ${i}`).join('\n');

const summary = (result: Awaited<ReturnType<typeof computeTruckFactor>>) =>
  result.people.map(p => [p.name, p.files]);

describe('computeTruckFactor on real git repositories', () => {
  const repos: TestRepo[] = [];
  const newRepo = () => {
    const repo = new TestRepo();
    repos.push(repo);
    return repo;
  };
  afterAll(() => repos.forEach(repo => repo.remove()));

  it('separates creation from later changes and follows renames (hand-computed)', async () => {
    const repo = newRepo();
    repo.commit(people.alice, {
      'src/a.ts': lines(5, 'a'),
      'src/b.ts': lines(5, 'b'),
      'src/c.ts': lines(5, 'c'),
    });
    repo.commit(people.bob, { 'src/d.ts': lines(5, 'd') });
    // bob edits a.ts (DL=1 → 3.457 vs alice 4.1685: both author it) ...
    repo.commit(people.bob, { 'src/a.ts': `${lines(5, 'a')}\nmore` });
    // ... and moves c.ts, which stays alice's creation (a rename, not a new file).
    repo.commit(people.bob, {}, { renames: { 'src/c.ts': 'lib/c.ts' } });

    const result = await computeTruckFactor({ repository: repo.dir });
    expect(result.fileCount).toBe(4);
    // alice: a, b, c; bob: a, d and c (his rename is one change: 3.457 vs 4.1685).
    expect(summary(result)).toEqual([
      ['Alice Example', 3],
      ['Bob Example', 3],
    ]);
    expect(result.truckFactor).toBe(2);
    expect(result.revision).toMatch(/^[0-9a-f]{40}$/);
  });

  it('merges identities through .mailmap and by e-mail', async () => {
    const repo = newRepo();
    repo.write(
      '.mailmap',
      'Alice Example <alice@shop.example> <alice@laptop.local>\n',
    );
    repo.commit(people.alice, {
      '.mailmap': fs.readFileSync(path.join(repo.dir, '.mailmap'), 'utf8'),
      'a.ts': 'a',
    });
    repo.commit(['alice', 'alice@laptop.local'], { 'b.ts': 'b' });
    repo.commit(['A. Example', 'ALICE@shop.example'], { 'c.ts': 'c' });

    const result = await computeTruckFactor({ repository: repo.dir });
    expect(result.people).toHaveLength(1);
    // .mailmap itself is no language Linguist counts.
    expect(result.people[0]).toMatchObject({
      name: 'Alice Example',
      files: 3,
      commits: 3,
    });
  });

  it('counts Co-authored-by trailers unless classic', async () => {
    const repo = newRepo();
    repo.commit(
      people.alice,
      { 'pair.ts': lines(3, 'p') },
      {
        message: `Pair on checkout\n\nCo-authored-by: ${people.carol[0]} <${people.carol[1]}>`,
      },
    );
    repo.commit(people.bob, { 'solo.ts': lines(3, 's') });

    const commits = [];
    for await (const commit of readCommits({ repository: repo.dir }))
      commits.push(commit);
    expect(commits[0].coAuthors).toEqual([
      { name: 'Carol Example', email: 'carol@shop.example' },
    ]);

    const pairing = await computeTruckFactor({ repository: repo.dir });
    expect(summary(pairing)).toEqual([
      ['Alice Example', 1],
      ['Bob Example', 1],
      ['Carol Example', 1],
    ]);
    const classic = await computeTruckFactor({
      repository: repo.dir,
      classic: true,
    });
    expect(summary(classic)).toEqual([
      ['Alice Example', 1],
      ['Bob Example', 1],
    ]);
  });

  it('leaves out bots, vendored, generated and documentation files', async () => {
    const repo = newRepo();
    repo.commit(people.alice, { 'src/app.ts': 'app', 'package.json': '{}' });
    repo.commit(people.bob, {
      'vendor/lib.js': 'lib',
      'docs/guide.md': 'guide',
      'README.md': 'readme',
      'yarn.lock': 'lock',
      'src/generated/api.ts': 'gen',
    });
    repo.commit(people.bot, { 'src/app.ts': 'app 2', 'package.json': '{}\n' });

    const result = await computeTruckFactor({
      repository: repo.dir,
      exclude: ['**/generated/**'],
    });
    // package.json is data, which Linguist does not count.
    expect(result.fileCount).toBe(1);
    expect(summary(result)).toEqual([
      ['Alice Example', 1],
      ['Bob Example', 0],
    ]);
    expect(result.truckFactor).toBe(1);
  });

  it('scopes to a subfolder and reads a revision without checking it out', async () => {
    const repo = newRepo();
    repo.commit(people.alice, {
      'services/checkout/a.ts': 'a',
      'services/search/s.ts': 's',
    });
    repo.commit(people.bob, { 'services/checkout/b.ts': 'b' });
    const first = repo.git('rev-parse', 'HEAD').trim();
    repo.commit(people.carol, {
      'services/checkout/c.ts': 'c',
      'services/checkout/d.ts': 'd',
    });

    const scoped = await computeTruckFactor({
      repository: repo.dir,
      subdir: 'services/checkout',
    });
    expect(scoped.fileCount).toBe(4);
    expect(summary(scoped)).toEqual([
      ['Carol Example', 2],
      ['Alice Example', 1],
      ['Bob Example', 1],
    ]);
    expect(scoped.truckFactor).toBe(2);

    const earlier = await computeTruckFactor({
      repository: repo.dir,
      revision: first,
      subdir: 'services/checkout/',
    });
    expect(earlier.revision).toBe(first);
    expect(earlier.fileCount).toBe(2);
    expect(earlier.people.map(p => p.name)).not.toContain('Carol Example');
  });

  it('reads a bare clone', async () => {
    const repo = newRepo();
    repo.commit(people.alice, { 'a.ts': 'a', 'b.ts': 'b' });
    repo.commit(people.bob, { 'c.ts': 'c' });
    const bare = newRepo();
    fs.rmSync(bare.dir, { recursive: true, force: true });
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare.dir]);

    const result = await computeTruckFactor({ repository: bare.dir });
    expect(summary(result)).toEqual([
      ['Alice Example', 2],
      ['Bob Example', 1],
    ]);
    expect(result.truckFactor).toBe(1);
  });

  it('names the git failure for a path that is not a repository', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-nogit-'));
    try {
      await expect(computeTruckFactor({ repository: dir })).rejects.toThrow(
        /git rev-parse failed/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
