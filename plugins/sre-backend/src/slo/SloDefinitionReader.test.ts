import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { SloDefinitionReader } from './SloDefinitionReader';

/** One SLO named after the file it is in, so a test knows which files were read. */
const openSlo = (name: string) => `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 1d
      isRolling: true
  indicator:
    spec:
      ratioMetric:
        good:
          metricSource: { type: Scripted, spec: { count: good } }
        total:
          metricSource: { type: Scripted, spec: { count: total } }
  objectives:
    - target: 0.99
`;

const entity = (managedBy: string, openslo: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'api',
    annotations: {
      'backstage.io/managed-by-location': managedBy,
      'baton.dev/openslo': openslo,
    },
  },
  spec: {
    type: 'service',
    owner: 'group:default/team',
    lifecycle: 'production',
  },
});

const LEAVES =
  /cannot be read: the path leads out of the folder of the entity's catalog file/;
const ENCODED = /cannot be read: percent-encoded dots, slashes and backslashes/;
const BACKSLASH = /cannot be read: backslashes are not allowed in a path/;
const ABSOLUTE = /cannot be read: absolute paths are not read/;
const SCHEME =
  /cannot be read: only http\(s\) URLs and relative paths are read/;

describe('SloDefinitionReader paths from a catalog file on disk', () => {
  // <base>/team/catalog-info.yaml names the files; <base>/secret.yaml lies outside its folder.
  const base = fs.realpathSync(
    fs.mkdtempSync(path.join(os.tmpdir(), 'baton-openslo-')),
  );
  const team = path.join(base, 'team');
  fs.mkdirSync(path.join(team, 'openslo'), { recursive: true });
  fs.writeFileSync(path.join(base, 'secret.yaml'), openSlo('secret'));
  fs.writeFileSync(path.join(team, 'slo.yaml'), openSlo('beside'));
  fs.writeFileSync(path.join(team, 'openslo', 'inner.yaml'), openSlo('inner'));
  fs.symlinkSync(
    path.join(base, 'secret.yaml'),
    path.join(team, 'link-out.yaml'),
  );
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  const reader = new SloDefinitionReader({
    urlReader: mockServices.urlReader.mock(),
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
  });
  const read = (file: string) =>
    reader.read(entity(`file:${path.join(team, 'catalog-info.yaml')}`, file));

  it.each([
    ['./slo.yaml', 'beside'],
    ['slo.yaml', 'beside'],
    ['openslo/inner.yaml', 'inner'],
    ['./openslo/../slo.yaml', 'beside'],
    ['openslo//inner.yaml', 'inner'],
  ])('reads %s', async (file, name) => {
    const { definitions, problems } = await read(file);
    expect(problems).toEqual([]);
    expect(definitions.map(definition => definition.name)).toEqual([name]);
  });

  it.each([
    ['../secret.yaml', LEAVES],
    ['../../../../../../etc/passwd', LEAVES],
    ['openslo/../../secret.yaml', LEAVES],
    ['..', LEAVES],
    ['link-out.yaml', LEAVES],
    ['/etc/passwd', ABSOLUTE],
    [`${base}/secret.yaml`, ABSOLUTE],
    ['%2e%2e/secret.yaml', ENCODED],
    ['%2E%2E%2Fsecret.yaml', ENCODED],
    ['..%2fsecret.yaml', ENCODED],
    ['%252e%252e/secret.yaml', ENCODED],
    ['..\\secret.yaml', BACKSLASH],
    ['openslo\\..\\..\\secret.yaml', BACKSLASH],
    ['file:///etc/passwd', SCHEME],
    ['C:/Windows/win.ini', SCHEME],
    ['//evil.example/slo.yaml', ABSOLUTE],
  ])('refuses %s, with the reason on the problem', async (file, reason) => {
    const { definitions, problems } = await read(file);
    expect(definitions).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        file,
        code: 'unreadable',
        message: expect.stringMatching(reason),
      }),
    ]);
  });

  it('reads the allowed files of an entity and refuses the others, each with its own problem', async () => {
    const { definitions, problems } = await read(
      './slo.yaml, ../secret.yaml, openslo/inner.yaml',
    );
    expect(definitions.map(definition => definition.name)).toEqual([
      'beside',
      'inner',
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ file: '../secret.yaml', code: 'unreadable' }),
    ]);
  });
});

describe('SloDefinitionReader paths from a catalog file at a URL', () => {
  const catalogFile =
    'https://github.com/acme/shop/blob/main/team/catalog-info.yaml';

  function readerOf() {
    const urlReader = mockServices.urlReader.mock({
      readUrl: async url => ({
        buffer: async () =>
          Buffer.from(openSlo(path.posix.basename(url, '.yaml'))),
      }),
    });
    const reader = new SloDefinitionReader({
      urlReader,
      integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
    });
    return { reader, urlReader };
  }

  it.each([
    ['./slo.yaml', 'https://github.com/acme/shop/tree/main/team/slo.yaml'],
    [
      'openslo/../openslo/inner.yaml',
      'https://github.com/acme/shop/tree/main/team/openslo/inner.yaml',
    ],
    // (GitHub's resolveUrl names files by tree URLs, which the UrlReader reads.)
    // An absolute URL is read by the UrlReader (which reads only the integrations' hosts).
    [
      'https://github.com/acme/shop/blob/main/elsewhere/slo.yaml',
      'https://github.com/acme/shop/blob/main/elsewhere/slo.yaml',
    ],
  ])('reads %s as %s', async (file, url) => {
    const { reader, urlReader } = readerOf();
    const { definitions, problems } = await reader.read(
      entity(`url:${catalogFile}`, file),
    );
    expect(problems).toEqual([]);
    expect(definitions).toHaveLength(1);
    expect(urlReader.readUrl).toHaveBeenCalledWith(url);
  });

  it.each([
    ['../../../../other-org/private/blob/main/slo.yaml', LEAVES],
    ['%2e%2e/%2e%2e/secret.yaml', ENCODED],
    ['..\\..\\secret.yaml', BACKSLASH],
    ['/slo.yaml', ABSOLUTE],
    ['//evil.example/slo.yaml', ABSOLUTE],
  ])('refuses %s without asking the UrlReader', async (file, reason) => {
    const { reader, urlReader } = readerOf();
    const { definitions, problems } = await reader.read(
      entity(`url:${catalogFile}`, file),
    );
    expect(definitions).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'unreadable',
        message: expect.stringMatching(reason),
      }),
    ]);
    expect(urlReader.readUrl).not.toHaveBeenCalled();
  });
});
