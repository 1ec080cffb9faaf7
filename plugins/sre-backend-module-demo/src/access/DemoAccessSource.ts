import type {
  AccessGrant,
  AccessInventory,
  AccessSource,
} from '@baton/plugin-sre-node';

const DAY = 86_400_000;

/** A grant of the demo, its last use given in days before now (null: never used). */
type DemoGrant = Omit<AccessGrant, 'lastUsedAt'> & {
  usedDaysAgo?: number | null;
};

const org = 'github-org:hanamori-market';
const account = 'aws-account:123456789012';

/**
 * The demo's GitHub organisation: the seven engineers, the advisor as an
 * outside collaborator without 2FA, and a former admin who is no longer in
 * the catalog.
 */
const GITHUB: DemoGrant[] = [
  ...[
    ['aiko-tanaka', 'admin'],
    ['benokafor', 'member'],
    ['chihiro-m', 'member'],
    ['gen-ito', 'member'],
    ['dweiss', 'admin'],
    ['emisato', 'member'],
    ['farid-h', 'member'],
    ['k-yamada', 'admin'],
  ].map(([login, role]) => ({
    principal: login,
    principalKind: 'github-login' as const,
    resource: org,
    privilege: role,
  })),
  {
    principal: 'hkobayashi',
    principalKind: 'github-login',
    resource: org,
    privilege: 'outside-collaborator',
    flags: ['outside-collaborator', 'two-factor-disabled'],
  },
  {
    principal: 'farid-h',
    principalKind: 'github-login',
    resource: 'github-repo:hanamori-market/payments-adapter',
    privilege: 'admin',
  },
];

/**
 * The demo's production AWS account, from its credential report: console
 * users with and without MFA, a deploy user with an access key, a key
 * nobody used for 200 days, and the root account.
 */
const AWS: DemoGrant[] = [
  {
    principal: '<root_account>',
    principalKind: 'other',
    resource: account,
    privilege: 'root',
    usedDaysAgo: 400,
    flags: [],
  },
  {
    principal: 'aiko.tanaka',
    principalKind: 'aws-iam-user',
    resource: account,
    privilege: 'console',
    usedDaysAgo: 1,
    flags: ['console-password'],
  },
  {
    principal: 'aiko.tanaka',
    principalKind: 'aws-iam-user',
    resource: 'aws-iam-group:admins',
    privilege: 'AdministratorAccess',
    usedDaysAgo: 1,
  },
  {
    principal: 'ben.okafor',
    principalKind: 'aws-iam-user',
    resource: account,
    privilege: 'programmatic',
    usedDaysAgo: 200,
    flags: ['active-access-key'],
  },
  {
    principal: 'daniel.weiss',
    principalKind: 'aws-iam-user',
    resource: account,
    privilege: 'console',
    usedDaysAgo: 12,
    flags: ['console-password', 'no-mfa'],
  },
  {
    principal: 'farid.haddad',
    principalKind: 'aws-iam-user',
    resource: 'aws-iam-group:admins',
    privilege: 'AdministratorAccess',
    usedDaysAgo: 3,
  },
  {
    principal: 'deploy-bot',
    principalKind: 'aws-iam-user',
    resource: account,
    privilege: 'policy:DeployShop',
    usedDaysAgo: 0,
    flags: ['active-access-key'],
  },
];

/** The demo catalog's GitHub organisation and AWS account, as their modules would list them. */
export class DemoAccessSource implements AccessSource {
  constructor(
    readonly prefix: 'github-org' | 'aws-account',
    private readonly now: () => Date = () => new Date(),
  ) {}

  async listGrants(target: string): Promise<AccessInventory> {
    const known =
      this.prefix === 'github-org'
        ? target === 'hanamori-market' && GITHUB
        : target === '123456789012' && AWS;
    if (!known) {
      throw new Error(`The demo has no ${this.prefix} '${target}'`);
    }
    const now = this.now().getTime();
    return {
      // A credential report is a few hours old; GitHub answers live.
      generatedAt: new Date(
        this.prefix === 'aws-account' ? now - 3 * 3_600_000 : now,
      ),
      grants: known.map(({ usedDaysAgo, ...grant }) => ({
        ...grant,
        ...(usedDaysAgo === undefined
          ? {}
          : {
              lastUsedAt:
                usedDaysAgo === null ? null : new Date(now - usedDaysAgo * DAY),
            }),
      })),
    };
  }
}
