import fs from 'fs';
import path from 'path';
import { DemoAccessSource } from './DemoAccessSource';

const now = new Date('2026-11-25T00:00:00Z');
const DAY = 86_400_000;

/** The annotation values of the demo catalog's Users (examples/org.yaml), read as text. */
function demoUserAnnotations(annotation: string): string[] {
  const text = fs.readFileSync(
    path.resolve(__dirname, '../../../../examples/org.yaml'),
    'utf8',
  );
  return [...text.matchAll(new RegExp(`${annotation}: (\\S+)`, 'g'))].map(
    match => match[1],
  );
}

describe('DemoAccessSource', () => {
  it('lists the demo GitHub organisation: every login but the former admin is a catalog User', async () => {
    const { grants, generatedAt } = await new DemoAccessSource(
      'github-org',
      () => now,
    ).listGrants('hanamori-market');

    expect(generatedAt).toEqual(now);
    const logins = demoUserAnnotations('github.com/user-login');
    const unmatched = grants
      .filter(grant => !logins.includes(grant.principal))
      .map(grant => grant.principal);
    expect(unmatched).toEqual(['k-yamada']);
    expect(
      grants.find(grant => grant.principal === 'hkobayashi')?.flags,
    ).toEqual(['outside-collaborator', 'two-factor-disabled']);
  });

  it('lists the demo AWS account from a credential report a few hours old, with a key unused for 200 days', async () => {
    const { grants, generatedAt } = await new DemoAccessSource(
      'aws-account',
      () => now,
    ).listGrants('123456789012');

    expect(generatedAt).toEqual(new Date(now.getTime() - 3 * 3_600_000));
    const iamUsers = demoUserAnnotations('baton.dev/aws-iam-user');
    expect(
      grants
        .filter(grant => grant.principalKind === 'aws-iam-user')
        .filter(grant => !iamUsers.includes(grant.principal))
        .map(grant => grant.principal),
    ).toEqual(['deploy-bot']);
    expect(
      grants.find(grant => grant.principal === 'ben.okafor')?.lastUsedAt,
    ).toEqual(new Date(now.getTime() - 200 * DAY));
  });

  it('knows only the demo catalog’s organisation and account', async () => {
    await expect(
      new DemoAccessSource('github-org').listGrants('acme'),
    ).rejects.toThrow("The demo has no github-org 'acme'");
  });
});
