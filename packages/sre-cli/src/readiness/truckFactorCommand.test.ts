import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { generateSyntheticHistory } from '../bench/syntheticHistory';

jest.setTimeout(60_000);

const bin = path.resolve(__dirname, '../../bin/baton');
const baton = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('baton truck-factor', () => {
  let dir: string;
  let repository: string;
  const filesUnder = (subdir?: string) =>
    execFileSync(
      'git',
      [
        '-C',
        repository,
        'ls-tree',
        '-r',
        '--name-only',
        'HEAD',
        ...(subdir ? ['--', subdir] : []),
      ],
      {
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter(Boolean).length;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-cli-'));
    repository = path.join(dir, 'shop.git');
    await generateSyntheticHistory(repository, {
      commits: 300,
      files: 60,
      authors: 6,
      seed: 7,
    });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the documented JSON for a bare repository', () => {
    const run = baton('truck-factor', repository, '--json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ repository, subdir: null, mode: 'pairing' });
    expect(report.revision).toMatch(/^[0-9a-f]{40}$/);
    expect(report.fileCount).toBe(filesUnder());
    expect(report.truckFactor).toBe(report.truckFactorAuthors.length);
    expect(report.truckFactor).toBeGreaterThanOrEqual(1);
    // The skewed generator makes Dev 0 write the most.
    expect(report.truckFactorAuthors[0].name).toBe('Dev 0');
    expect(report.people.map((p: { name: string }) => p.name)).not.toContain(
      'renovate[bot]',
    );
  });

  it('scopes to repo:subdir and --path alike', () => {
    const viaColon = JSON.parse(
      baton('truck-factor', `${repository}:src/module1`, '--json').stdout,
    );
    const viaPath = JSON.parse(
      baton('truck-factor', repository, '--path', 'src/module1', '--json')
        .stdout,
    );
    expect(viaColon.subdir).toBe('src/module1');
    expect(viaColon.fileCount).toBe(filesUnder('src/module1'));
    expect(viaColon.fileCount).toBeLessThan(filesUnder());
    expect(viaPath).toEqual(viaColon);
  });

  it('prints a readable report with the truck-factor authors and their shares', () => {
    const json = JSON.parse(
      baton('truck-factor', repository, '--classic', '--json').stdout,
    );
    const run = baton('truck-factor', repository, '--classic');
    expect(run.stdout).toContain(`: ${json.truckFactor}\n`);
    expect(run.stdout).toContain(`${json.fileCount} files counted`);
    expect(run.stdout).toContain('classic mode');
    const top = json.truckFactorAuthors[0];
    expect(run.stdout).toMatch(
      new RegExp(`${top.name}\\s+${(top.share * 100).toFixed(1)}%`),
    );
  });

  it("merges the names of an alias file in the published tool's format", () => {
    const aliasFile = path.join(dir, 'alias.txt');
    fs.writeFileSync(
      aliasFile,
      '#REPOSITORY;NAME;ALIAS\nacme/shop;Dev 0;Dev 1\nacme/other;Dev 2;Dev 3\n',
    );
    const plain = JSON.parse(
      baton('truck-factor', repository, '--classic', '--json').stdout,
    );
    const aliased = JSON.parse(
      baton(
        'truck-factor',
        repository,
        '--classic',
        '--alias-file',
        aliasFile,
        '--json',
      ).stdout,
    );
    expect(aliased.people).toHaveLength(plain.people.length - 1);
    expect(
      aliased.people.find((p: { emails: string[] }) =>
        p.emails.includes('dev1@shop.example'),
      ).emails,
    ).toEqual(['dev0@shop.example', 'dev1@shop.example']);
    // The classic method filters no bots.
    expect(plain.people.map((p: { name: string }) => p.name)).toContain(
      'renovate[bot]',
    );
  });

  it('fails with the reason when the path is not a repository', () => {
    const run = baton('truck-factor', dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^baton: git rev-parse failed/);
  });
});
