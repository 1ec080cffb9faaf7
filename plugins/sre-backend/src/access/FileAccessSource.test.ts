import fs from 'fs';
import os from 'os';
import path from 'path';
import { FileAccessSource } from './FileAccessSource';

describe('FileAccessSource', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-access-file-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('reads a CSV export: kinds, last use (or never), flags, and the file time as generation time', async () => {
    const file = write(
      'sentry.csv',
      [
        'principal,principal_kind,resource,privilege,last_used_at,flags',
        'ada@acme.example,email,saas:sentry,owner,2026-11-20T10:00:00Z,',
        'ci-bot,,saas:sentry,member,never,shared bot',
      ].join('\n'),
    );
    const time = new Date('2026-11-21T00:00:00Z');
    fs.utimesSync(file, time, time);
    const source = new FileAccessSource({ sentry: file });

    const inventory = await source.listGrants('sentry');

    expect(inventory.generatedAt).toEqual(time);
    expect(inventory.grants).toEqual([
      {
        principal: 'ada@acme.example',
        principalKind: 'email',
        resource: 'saas:sentry',
        privilege: 'owner',
        lastUsedAt: new Date('2026-11-20T10:00:00Z'),
        flags: [],
      },
      {
        principal: 'ci-bot',
        principalKind: 'other',
        resource: 'saas:sentry',
        privilege: 'member',
        lastUsedAt: null,
        flags: ['shared', 'bot'],
      },
    ]);
  });

  it('reads a YAML export with its generation time', async () => {
    const source = new FileAccessSource({
      pager: write(
        'pager.yaml',
        'generatedAt: 2026-11-01T08:00:00Z\ngrants:\n  - { principal: bo, principalKind: github-login, resource: saas:pager, privilege: admin, flags: [mfa-off] }\n',
      ),
    });
    await expect(source.listGrants('pager')).resolves.toEqual({
      generatedAt: new Date('2026-11-01T08:00:00Z'),
      grants: [
        {
          principal: 'bo',
          principalKind: 'github-login',
          resource: 'saas:pager',
          privilege: 'admin',
          flags: ['mfa-off'],
        },
      ],
    });
  });

  it.each([
    [
      'a.csv',
      'principal,principal_kind,resource,privilege\nada,email,,admin\n',
      'a.csv row 1, resource: required',
    ],
    [
      'b.csv',
      'principal,principal_kind,resource,privilege\nada,slack,saas:x,admin\n',
      "b.csv row 1, principal_kind: 'slack' is not one of github-login, aws-iam-user, email, other",
    ],
    [
      'c.csv',
      'principal,principal_kind,resource,privilege,last_used_at\nada,email,saas:x,admin,yesterday\n',
      "c.csv row 1, last_used_at: 'yesterday' is not an ISO 8601 time (or 'never')",
    ],
    ['d.yaml', 'grants: 3\n', 'd.yaml: grants must be a list'],
  ])('names the row and column of a bad %s', async (name, text, message) => {
    const source = new FileAccessSource({ x: write(name, text) });
    await expect(source.listGrants('x')).rejects.toThrow(message);
  });

  it('names the config key of an unknown file source', async () => {
    await expect(new FileAccessSource({}).listGrants('crm')).rejects.toThrow(
      'No file for access source file:crm; set sre.accessReviews.files.crm',
    );
  });
});
