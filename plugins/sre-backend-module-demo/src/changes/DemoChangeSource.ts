import type {
  ChangeIdentity,
  ChangeInput,
  TerraformPlanSummary,
} from '@baton/plugin-sre-common';
import type { ChangeSource } from '@baton/plugin-sre-node';
import { DEMO_RDS_STEP } from '../DemoCostSource';
import { inventorySyncLateApply, tokyoTime } from './demoChangeTimes';

const MINUTE = 60_000;
const REPO = 'https://github.com/hanamori-market';

/** Hanamori people by their GitHub logins (examples/org.yaml). */
const github = (login: string): ChangeIdentity => ({
  kind: 'github-login',
  value: login,
});
const AIKO = github('aiko-tanaka');
const BEN = github('benokafor');
const CHIHIRO = github('chihiro-m');
const DANIEL = github('dweiss');
const EMI = github('emisato');
const FARID = github('farid-h');
const GEN = github('gen-ito');

interface ScriptedChange
  extends Omit<ChangeInput, 'startedAt' | 'finishedAt' | 'externalId'> {
  id: string;
  /** Epoch ms of the start, from the demo's `now`. */
  startedAt: (now: number) => number;
  minutes: number;
}

const apply = (
  seconds: number,
  workspace: string,
  plan: TerraformPlanSummary,
) => ({ workspace, plan, applySeconds: seconds });

/**
 * The platform workspace's applies over two months, slower as its state
 * grows (the team's own observation): from about 4 to about 9 minutes.
 */
const PLATFORM_APPLIES: ScriptedChange[] = [
  [58, 250],
  [52, 262],
  [45, 248],
  [39, 290],
  [33, 301],
  [26, 355],
  [19, 398],
  [12, 452],
  [6, 497],
  [1, 540],
].map(([daysAgo, seconds], i) => ({
  id: `tfc-run-platform-${i + 1}`,
  entityRefs: ['resource:default/aws-production'],
  kind: 'terraform-apply',
  environment: 'production',
  title: 'Apply hanamori/platform (shared VPC, IAM, DNS)',
  startedAt: now => tokyoTime(now, daysAgo, 14, 10),
  minutes: Math.ceil(seconds / 60) + 2,
  outcome: 'succeeded',
  operators: [i % 2 ? GEN : AIKO],
  pairs: [i % 2 ? AIKO : GEN],
  procedure: {
    url: `${REPO}/infra/pull/${310 + i * 3}`,
    authors: [i % 2 ? GEN : AIKO],
    reviewers: [i % 2 ? AIKO : GEN],
  },
  terraform: apply(seconds, 'hanamori/platform', {
    add: i % 3,
    change: 2 + (i % 4),
    destroy: 0,
  }),
  links: [
    {
      title: 'HCP Terraform run',
      url: `https://app.terraform.io/app/hanamori/workspaces/platform/runs/run-demo${
        i + 1
      }`,
    },
  ],
}));

const SCRIPT: ScriptedChange[] = [
  // The story of the issue: alone, late at night, no written procedure — and the sync stalled.
  {
    id: 'tfc-run-inventory-late',
    entityRefs: ['component:default/inventory-sync'],
    kind: 'terraform-apply',
    environment: 'production',
    title: 'Apply hanamori/inventory (warehouse queue visibility timeout)',
    startedAt: inventorySyncLateApply,
    minutes: 4,
    outcome: 'succeeded',
    operators: [FARID],
    pairs: [],
    terraform: apply(95, 'hanamori/inventory', {
      add: 0,
      change: 3,
      destroy: 1,
    }),
    links: [
      {
        title: 'HCP Terraform run',
        url: 'https://app.terraform.io/app/hanamori/workspaces/inventory/runs/run-demo-late',
      },
    ],
  },
  // checkout-api's database upsizing, the step on its cost card: a pair and a reviewed procedure.
  {
    id: 'tfc-run-orders-db-upsize',
    entityRefs: [
      'component:default/checkout-api',
      'resource:default/orders-db',
    ],
    kind: 'terraform-apply',
    environment: 'production',
    title: 'Upsize orders-db (db.r6g.large → db.r6g.xlarge)',
    startedAt: now => tokyoTime(now, DEMO_RDS_STEP.daysAgo, 10, 30),
    minutes: 22,
    outcome: 'succeeded',
    operators: [AIKO],
    pairs: [BEN],
    procedure: {
      url: `${REPO}/infra/pull/298`,
      authors: [AIKO],
      reviewers: [CHIHIRO],
    },
    terraform: apply(1140, 'hanamori/checkout', {
      add: 0,
      change: 1,
      destroy: 0,
    }),
  },
  {
    id: 'gha-checkout-api-deploy-1',
    entityRefs: ['component:default/checkout-api'],
    kind: 'deploy',
    environment: 'production',
    title: 'Deploy checkout-api v2.14.0',
    startedAt: now => tokyoTime(now, 9, 15, 5),
    minutes: 7,
    outcome: 'succeeded',
    operators: [BEN],
    pairs: [CHIHIRO],
    procedure: {
      url: `${REPO}/checkout-api/pull/812`,
      authors: [BEN],
      reviewers: [CHIHIRO],
    },
    links: [
      {
        title: 'GitHub Actions run',
        url: `${REPO}/checkout-api/actions/runs/7001`,
      },
    ],
  },
  {
    id: 'gha-checkout-api-deploy-2',
    entityRefs: ['component:default/checkout-api'],
    kind: 'deploy',
    environment: 'production',
    title: 'Deploy checkout-api v2.15.0',
    startedAt: now => tokyoTime(now, 3, 11, 20),
    minutes: 6,
    outcome: 'succeeded',
    operators: [CHIHIRO],
    pairs: [BEN],
    procedure: {
      url: `${REPO}/checkout-api/pull/827`,
      authors: [CHIHIRO],
      reviewers: [BEN],
    },
  },
  // A failed deploy, rolled back by the pair; the procedure's author approved it herself.
  {
    id: 'gha-catalog-search-deploy',
    entityRefs: ['component:default/catalog-search'],
    kind: 'deploy',
    environment: 'production',
    title: 'Deploy catalog-search v0.31.0 (facets)',
    startedAt: now => tokyoTime(now, 2, 16, 40),
    minutes: 18,
    outcome: 'rolled-back',
    operators: [EMI],
    pairs: [BEN],
    procedure: {
      url: `${REPO}/catalog-search/pull/455`,
      authors: [EMI],
      reviewers: [EMI],
    },
  },
  // A planned night maintenance: off-hours, but paired and reviewed.
  {
    id: 'maint-order-batch-reindex',
    entityRefs: ['component:default/order-batch'],
    kind: 'maintenance',
    environment: 'production',
    title: 'Reindex the orders table outside shopping hours',
    startedAt: now => tokyoTime(now, 8, 22, 0),
    minutes: 75,
    outcome: 'succeeded',
    operators: [DANIEL],
    pairs: [FARID],
    procedure: {
      url: `${REPO}/runbooks/blob/main/order-batch-reindex.md`,
      authors: [DANIEL],
      reviewers: [FARID],
    },
  },
  {
    id: 'gha-inventory-sync-deploy',
    entityRefs: ['component:default/inventory-sync'],
    kind: 'deploy',
    environment: 'production',
    title: 'Deploy inventory-sync v1.8.2',
    startedAt: now => tokyoTime(now, 11, 13, 15),
    minutes: 5,
    outcome: 'succeeded',
    operators: [FARID],
    pairs: [],
    procedure: {
      url: `${REPO}/inventory-sync/pull/141`,
      authors: [FARID],
      reviewers: [DANIEL],
    },
  },
  ...PLATFORM_APPLIES,
];

/**
 * The demo's production changes, relative to when the demo started: a
 * solo late-night apply on inventory-sync that the sync's stall followed,
 * checkout-api's database upsizing by a pair with a reviewed procedure (the
 * step on its cost card), a rolled-back deploy, a paired night maintenance,
 * and the platform workspace's applies getting slower.
 */
export class DemoChangeSource implements ChangeSource {
  readonly id = 'demo';

  constructor(private readonly now: number = Date.now()) {}

  async *pull(): AsyncIterable<ChangeInput> {
    for (const change of SCRIPT) {
      const { id, startedAt, minutes, ...rest } = change;
      const start = startedAt(this.now);
      if (start > this.now) continue;
      const end = Math.min(start + minutes * MINUTE, this.now);
      yield {
        ...rest,
        externalId: id,
        startedAt: new Date(start).toISOString(),
        finishedAt: new Date(end).toISOString(),
      };
    }
  }
}
