import { mockServices } from '@backstage/backend-test-utils';
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { TestRepo } from './__testUtils__/TestRepo';
import { GitKnowledgeSource } from './GitKnowledgeSource';

const alice = ['Alice', 'alice@shop.example'] as const;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}

describe('GitKnowledgeSource', () => {
  const upstream = new TestRepo();
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-cache-'));
  const url = `file://${upstream.dir}`;
  const source = new GitKnowledgeSource({
    cacheDir,
    allowRemote: true,
    logger: mockServices.logger.mock(),
  });

  beforeAll(() => {
    // Lets the clone ask for no blobs, as a hosting service would.
    upstream.git('config', 'uploadpack.allowFilter', 'true');
    upstream.commit(alice, { 'a.ts': 'a', 'docs/x.md': 'x' });
  });
  afterAll(() => {
    upstream.remove();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('reads local paths in place and remote URLs from its cache', () => {
    expect(source.supports(upstream.dir)).toBe(true);
    expect(source.supports(url)).toBe(true);
    expect(source.supports('git@github.com:acme/shop.git')).toBe(true);
    expect(source.supports('relative/path')).toBe(false);
  });

  it('clones a remote repository bare and without blobs, then fetches what is new', async () => {
    const first = await source.readHistory({ location: url });
    expect(first.files).toEqual(['a.ts', 'docs/x.md']);
    expect(await collect(first.commits)).toHaveLength(1);

    const [clone] = fs.readdirSync(cacheDir);
    const cloneDir = path.join(cacheDir, clone);
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', cloneDir, ...args], {
        encoding: 'utf8',
      }).trim();
    expect(git('rev-parse', '--is-bare-repository')).toBe('true');
    expect(git('config', 'remote.origin.partialclonefilter')).toBe('blob:none');

    upstream.commit(alice, { 'b.ts': 'b' });
    const second = await source.readHistory({ location: url });
    expect(second.revision).toBe(upstream.git('rev-parse', 'HEAD').trim());
    expect(second.files).toEqual(['a.ts', 'b.ts', 'docs/x.md']);
    expect(await collect(second.commits)).toHaveLength(2);
    // Still one clone: the second read fetched into it.
    expect(fs.readdirSync(cacheDir)).toEqual([clone]);
  });

  it('scopes a read to a folder', async () => {
    const history = await source.readHistory({
      location: upstream.dir,
      subdir: 'docs',
    });
    expect(history.files).toEqual(['docs/x.md']);
  });

  it('refuses remote repositories when they are switched off', async () => {
    const localOnly = new GitKnowledgeSource({
      cacheDir,
      allowRemote: false,
      logger: mockServices.logger.mock(),
    });
    // Another source (the demo's) may then read remote URLs.
    expect(localOnly.supports(url)).toBe(false);
    expect(localOnly.supports(upstream.dir)).toBe(true);
    await expect(
      localOnly.readHistory({ location: url }),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
    const local = await localOnly.readHistory({ location: upstream.dir });
    expect(local.files).toContain('b.ts');
  });
});
