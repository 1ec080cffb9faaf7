import type { ChangeInput } from '@baton/plugin-sre-common';
import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  baton,
  startBaton,
  startTestBackend,
} from '../__testUtils__/cliTestHarness';

jest.setTimeout(60_000);

const planFile = path.join(__dirname, '__fixtures__/terraform-show-plan.json');
const uuid =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A stand-in for `terraform apply`: prints, takes `ms`, exits with `code`. */
const fakeApply = (code: number, ms: number) => [
  process.execPath,
  '-e',
  `console.log('Apply complete!'); setTimeout(() => process.exit(${code}), ${ms})`,
];

describe('baton record-change', () => {
  let dir: string;
  let workspaceDir: string;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-record-change-'));
    workspaceDir = path.join(dir, 'checkout-infra');
    fs.mkdirSync(workspaceDir);
    backend = await startTestBackend();
  });
  afterAll(async () => {
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => backend.reset({ ids: ['chg-1'] }));

  const sentChanges = (): ChangeInput[] => {
    expect(backend.received).toHaveLength(1);
    const [request] = backend.received;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/api/sre/changes');
    expect(request.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request.body.toString('utf8'));
    expect(Object.keys(body).sort()).toEqual(['changes', 'source']);
    expect(body.source).toBe('cli');
    return body.changes;
  };

  it('records a change applied by hand, people by kind, the reviewed procedure and the plan counts', async () => {
    const run = await baton(
      [
        'record-change',
        '--entity',
        'component:default/checkout-api',
        '--entity',
        'Resource:checkout-db',
        '--kind',
        'terraform-apply',
        '--operator',
        'alice',
        '--pair',
        'github:bob-k',
        '--pair',
        'carol@example.com',
        '--procedure',
        'https://github.com/acme/infra/pull/412',
        '--procedure-author',
        'alice',
        '--procedure-reviewer',
        'github:dave',
        '--environment',
        'production',
        '--title',
        'Upsize the checkout database to db.r6g.xlarge',
        '--id',
        'checkout-db-upsize-2026-12-04',
        '--plan',
        planFile,
        '--workspace',
        'checkout-production',
        '--started',
        '2026-12-04T14:05:00+09:00',
        '--finished',
        '2026-12-04T14:21:30+09:00',
        '--backend',
        `${backend.url}/`,
        '--token',
        'secret-token-1',
      ],
      {},
      { cwd: workspaceDir },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'Recorded change chg-1: terraform-apply on component:default/checkout-api, resource:default/checkout-db, succeeded, operated by alice with bob-k, carol@example.com; plan: 3 to add, 2 to change, 3 to destroy\n',
    );
    expect(backend.received[0].headers.authorization).toBe(
      'Bearer secret-token-1',
    );
    expect(sentChanges()).toEqual([
      {
        externalId: 'checkout-db-upsize-2026-12-04',
        entityRefs: [
          'component:default/checkout-api',
          'resource:default/checkout-db',
        ],
        kind: 'terraform-apply',
        environment: 'production',
        title: 'Upsize the checkout database to db.r6g.xlarge',
        // In UTC, as the API's timestamps are.
        startedAt: '2026-12-04T05:05:00.000Z',
        finishedAt: '2026-12-04T05:21:30.000Z',
        outcome: 'succeeded',
        operators: [{ kind: 'name', value: 'alice' }],
        pairs: [
          { kind: 'github-login', value: 'bob-k' },
          { kind: 'email', value: 'carol@example.com' },
        ],
        procedure: {
          url: 'https://github.com/acme/infra/pull/412',
          authors: [{ kind: 'name', value: 'alice' }],
          reviewers: [{ kind: 'github-login', value: 'dave' }],
        },
        // Times typed by hand are no apply duration.
        terraform: {
          workspace: 'checkout-production',
          plan: { add: 3, change: 2, destroy: 3 },
        },
      },
    ]);
  });

  it('records a minimal change with a generated id, the default title and outcome, from BATON_BACKEND_URL and BATON_TOKEN, and prints --json', async () => {
    backend.reply.body = { ids: ['chg-2'] };
    const run = await baton(
      [
        'record-change',
        '--entity',
        'component:checkout-api',
        '--kind',
        'maintenance',
        '--operator',
        'alice',
        '--started',
        '2026-12-04T23:40:00Z',
        '--json',
      ],
      { BATON_BACKEND_URL: backend.url, BATON_TOKEN: 'secret-token-2' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ids: ['chg-2'] });
    expect(backend.received[0].headers.authorization).toBe(
      'Bearer secret-token-2',
    );
    const [change] = sentChanges();
    expect(change.externalId).toMatch(uuid);
    expect(change).toEqual({
      externalId: change.externalId,
      entityRefs: ['component:default/checkout-api'],
      kind: 'maintenance',
      title: 'maintenance on component:default/checkout-api',
      startedAt: '2026-12-04T23:40:00.000Z',
      outcome: 'succeeded',
      operators: [{ kind: 'name', value: 'alice' }],
      pairs: [],
    });

    // Another run, another id.
    backend.received.length = 0;
    await baton(
      [
        'record-change',
        '--entity',
        'component:checkout-api',
        '--kind',
        'maintenance',
        '--operator',
        'alice',
        '--started',
        '2026-12-04T23:40:00Z',
        '--outcome',
        'rolled-back',
      ],
      { BATON_BACKEND_URL: backend.url },
    );
    const [again] = sentChanges();
    expect(again.externalId).toMatch(uuid);
    expect(again.externalId).not.toBe(change.externalId);
    expect(again.outcome).toBe('rolled-back');
    expect(backend.received[0].headers.authorization).toBeUndefined();
  });

  it('runs a command after --, shows its output, times it and records it succeeded', async () => {
    const before = Date.now();
    const run = await baton(
      [
        'record-change',
        '--entity',
        'component:default/checkout-api',
        '--kind',
        'terraform-apply',
        '--operator',
        'alice',
        '--pair',
        'bob',
        '--plan',
        planFile,
        '--backend',
        backend.url,
        '--',
        ...fakeApply(0, 400),
      ],
      {},
      { cwd: workspaceDir },
    );
    const after = Date.now();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The command's own output first, then baton's line.
    expect(run.stdout).toBe(
      'Apply complete!\nRecorded change chg-1: terraform-apply on component:default/checkout-api, succeeded, operated by alice with bob; plan: 3 to add, 2 to change, 3 to destroy\n',
    );
    const [change] = sentChanges();
    expect(change.outcome).toBe('succeeded');
    expect(change.title).toBe(fakeApply(0, 400).join(' '));
    const started = Date.parse(change.startedAt);
    const finished = Date.parse(change.finishedAt!);
    expect(started).toBeGreaterThanOrEqual(before);
    expect(finished).toBeLessThanOrEqual(after);
    expect(finished - started).toBeGreaterThanOrEqual(400);
    expect(change.terraform).toEqual({
      // The current folder names the workspace.
      workspace: 'checkout-infra',
      plan: { add: 3, change: 2, destroy: 3 },
      applySeconds: (finished - started) / 1000,
    });
    expect(change.terraform!.applySeconds).toBeGreaterThanOrEqual(0.4);
    expect(change.terraform!.applySeconds).toBeLessThan(30);
  });

  it('records a failing command as failed and exits with its exit code; a deploy has no Terraform details', async () => {
    const run = await baton([
      'record-change',
      '--entity',
      'component:default/checkout-api',
      '--kind',
      'deploy',
      '--operator',
      'alice',
      '--title',
      'Deploy checkout-api 2.4.1',
      '--backend',
      backend.url,
      '--',
      ...fakeApply(3, 0),
    ]);
    expect(run.status).toBe(3);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      'Apply complete!\nRecorded change chg-1: deploy on component:default/checkout-api, failed, solo (no --pair)\n',
    );
    const [change] = sentChanges();
    expect(change.outcome).toBe('failed');
    expect(change.title).toBe('Deploy checkout-api 2.4.1');
    expect(change.terraform).toBeUndefined();
    expect(Date.parse(change.finishedAt!)).toBeGreaterThanOrEqual(
      Date.parse(change.startedAt),
    );
  });

  it('stays through Ctrl-C, which the command handles, passes SIGTERM on, and records the stopped command as failed', async () => {
    const started = startBaton([
      'record-change',
      '--entity',
      'component:default/checkout-api',
      '--kind',
      'terraform-apply',
      '--operator',
      'alice',
      '--backend',
      backend.url,
      '--',
      process.execPath,
      '-e',
      // Like terraform, it handles SIGINT itself (here by ignoring it).
      "process.on('SIGINT', () => console.log('interrupt received')); console.log('applying'); setInterval(() => {}, 1000)",
    ]);
    while (!started.run.stdout.includes('applying')) {
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    // A terminal's Ctrl-C reaches both: baton must outlive it.
    started.child.kill('SIGINT');
    await new Promise(resolve => setTimeout(resolve, 500));
    expect(started.child.exitCode).toBeNull();
    started.child.kill('SIGTERM');
    const run = await started.done;
    expect(run.status).toBe(143);
    expect(run.stdout).toMatch(
      /^applying\nRecorded change chg-1: terraform-apply on component:default\/checkout-api, failed/,
    );
    const [change] = sentChanges();
    expect(change.outcome).toBe('failed');
    expect(change.terraform?.applySeconds).toBeGreaterThanOrEqual(0.5);
  });

  it("prints the backend's 400 naming the field and exits 1, and after a run says how to record it again and passes the command's code on", async () => {
    backend.reply.status = 400;
    backend.reply.body = {
      error: {
        name: 'InputError',
        message:
          "changes[0].entityRefs[0]: no catalog entity 'component:default/checkout-apii'",
      },
      request: { method: 'POST', url: '/api/sre/changes' },
      response: { statusCode: 400 },
    };
    const args = [
      'record-change',
      '--entity',
      'component:default/checkout-apii',
      '--kind',
      'deploy',
      '--operator',
      'alice',
      '--backend',
      backend.url,
      '--token',
      'secret-token-3',
    ];
    const run = await baton([...args, '--started', '2026-12-04T10:00:00Z']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "record-change: changes[0].entityRefs[0]: no catalog entity 'component:default/checkout-apii'\n",
    );
    expect(run.stderr).not.toContain('secret-token-3');
    expect(backend.received).toHaveLength(1);

    backend.received.length = 0;
    const ran = await baton([
      ...args,
      '--id',
      'run-7',
      '--',
      ...fakeApply(2, 0),
    ]);
    expect(ran.status).toBe(2);
    expect(ran.stdout).toBe('Apply complete!\n');
    const [change] = sentChanges();
    expect(ran.stderr).toBe(
      `record-change: changes[0].entityRefs[0]: no catalog entity 'component:default/checkout-apii'; the change was not recorded: record it with --id run-7 --started ${change.startedAt} --finished ${change.finishedAt} --outcome failed and no command\n`,
    );

    // A command that succeeded but could not be recorded: 1, not 0.
    backend.received.length = 0;
    const succeeded = await baton([...args, '--', ...fakeApply(0, 0)]);
    expect(succeeded.status).toBe(1);
    expect(succeeded.stderr).toMatch(/the change was not recorded/);
  });

  it('hints at the token on a 401 without one', async () => {
    backend.reply.status = 401;
    backend.reply.body = {
      error: { name: 'AuthenticationError', message: 'Missing credentials' },
    };
    const run = await baton([
      'record-change',
      '--entity',
      'component:checkout-api',
      '--kind',
      'deploy',
      '--operator',
      'alice',
      '--started',
      '2026-12-04T10:00:00Z',
      '--backend',
      backend.url,
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'record-change: Missing credentials (pass --token or set BATON_TOKEN)\n',
    );
  });

  describe('bad flags: the message names the flag, nothing runs and nothing is sent', () => {
    const base = [
      'record-change',
      '--entity',
      'component:default/checkout-api',
      '--kind',
      'terraform-apply',
      '--operator',
      'alice',
    ];
    const without = (flag: string) => {
      const args = [...base];
      args.splice(args.indexOf(flag), 2);
      return args;
    };
    const started = ['--started', '2026-12-04T10:00:00Z'];

    it.each([
      [
        [...without('--entity'), ...started],
        '--entity is required: the catalog entity the change touched, such as component:default/checkout-api',
      ],
      [
        [...base, '--entity', 'checkout-api', ...started],
        "--entity 'checkout-api' is not an entity ref such as component:default/checkout-api",
      ],
      [
        [...base, '--entity', 'component:default/check out', ...started],
        "--entity 'component:default/check out': Invalid entity ref segment 'name': 'check out' must be 1-253 letters, digits, '.', '_' or '-'",
      ],
      [
        [...without('--kind'), ...started],
        '--kind is required: one of terraform-apply, deploy, maintenance, db-migration, config, other',
      ],
      [
        [...without('--kind'), '--kind', 'terraform', ...started],
        "--kind 'terraform' is not one of terraform-apply, deploy, maintenance, db-migration, config, other",
      ],
      [
        [...without('--operator'), ...started],
        '--operator is required: who ran the change',
      ],
      [
        [...base, '--operator', ' ', ...started],
        '--operator must not be empty',
      ],
      [
        [...base, '--pair', 'github:', ...started],
        "--pair 'github:': github: must be followed by a GitHub login",
      ],
      [
        [...base, '--pair', 'bob@', ...started],
        "--pair 'bob@' is not an e-mail address",
      ],
      [
        [...base, '--pair', 'Alice', ...started],
        '--pair Alice is also an --operator: the pair is someone other than the operator',
      ],
      [
        [...base, '--procedure', 'docs/runbook.md', ...started],
        "--procedure 'docs/runbook.md' is not a URL",
      ],
      [
        [...base, '--procedure', 'file:///runbook.md', ...started],
        "--procedure 'file:///runbook.md' is not an http or https URL",
      ],
      [
        [...base, '--procedure-reviewer', 'bob', ...started],
        '--procedure-reviewer needs --procedure <url>: the procedure they wrote or reviewed',
      ],
      [
        [
          ...base,
          '--procedure',
          'https://example.com/runbook',
          '--procedure-author',
          'bob',
          '--procedure-reviewer',
          'bob',
          ...started,
        ],
        '--procedure-reviewer bob is also a --procedure-author: a procedure is reviewed by someone other than its author',
      ],
      [
        [...base, '--plan', '/nonexistent/plan.json', ...started],
        '--plan /nonexistent/plan.json: no such file',
      ],
      [
        [...base, '--plan', __filename, ...started],
        `--plan ${__filename} is not JSON: pass the output of 'terraform show -json plan.out', not the plan file itself`,
      ],
      [
        base,
        '--started is required without a command to run after --: when the change started, e.g. 2026-12-04T21:30:00+09:00',
      ],
      [
        [...base, '--started', '2026-12-04 10:00'],
        "--started '2026-12-04 10:00' is not an ISO 8601 time with a time zone, such as 2026-12-04T21:30:00+09:00",
      ],
      [
        [...base, '--started', '2026-12-04T10:00:00'],
        "--started '2026-12-04T10:00:00' is not an ISO 8601 time with a time zone, such as 2026-12-04T21:30:00+09:00",
      ],
      [
        [...base, ...started, '--finished', '2026-12-04T09:00:00Z'],
        '--finished 2026-12-04T09:00:00Z is before --started 2026-12-04T10:00:00Z',
      ],
      [
        [...base, ...started, '--outcome', 'ok'],
        "--outcome 'ok' is not one of succeeded, failed, rolled-back, in-progress",
      ],
      [
        [...base, ...started, '--', process.execPath, '-e', ''],
        "--started cannot go with a command after --: the command's run gives it",
      ],
      [
        [...base, 'terraform', 'apply'],
        "unexpected 'terraform': put the command to run after --, e.g. -- terraform apply plan.out",
      ],
      [
        [...base, '--workspace', ' ', ...started],
        '--workspace must not be empty',
      ],
      [
        [...base, '--title', 'x'.repeat(1025), ...started],
        '--title must be at most 1024 characters',
      ],
      [
        [
          ...base,
          ...Array.from({ length: 21 }, (_, i) => ['--pair', `p${i}`]).flat(),
          ...started,
        ],
        '--pair can be given at most 20 times',
      ],
    ])('%j', async (args, message) => {
      const run = await baton(args, { BATON_BACKEND_URL: backend.url });
      expect(run.stderr).toBe(`record-change: ${message}\n`);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(backend.received).toHaveLength(0);
    });

    it('checks the flags and the backend before it runs the command', async () => {
      const marker = path.join(dir, 'ran');
      const touch = [
        process.execPath,
        '-e',
        `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`,
      ];
      const badKind = await baton([
        ...without('--kind'),
        '--kind',
        'apply',
        '--backend',
        backend.url,
        '--',
        ...touch,
      ]);
      expect(badKind.status).toBe(1);
      expect(badKind.stderr).toMatch(/^record-change: --kind 'apply'/);
      const noBackend = await baton([...base, '--', ...touch]);
      expect(noBackend.status).toBe(1);
      expect(noBackend.stderr).toBe(
        'record-change: --backend <url> or BATON_BACKEND_URL is required\n',
      );
      const badToken = await baton([...base, '--', ...touch], {
        BATON_BACKEND_URL: backend.url,
        BATON_TOKEN: 'secret\ntoken',
      });
      expect(badToken.status).toBe(1);
      expect(badToken.stderr).toBe(
        'record-change: the token (--token or BATON_TOKEN) has characters an HTTP header cannot carry\n',
      );
      expect(fs.existsSync(marker)).toBe(false);
      expect(backend.received).toHaveLength(0);
    });

    it('exits 127 without recording when the command cannot start', async () => {
      const run = await baton([
        ...base,
        '--backend',
        backend.url,
        '--',
        path.join(dir, 'no-such-terraform'),
        'apply',
      ]);
      expect(run.status).toBe(127);
      expect(run.stderr).toBe(
        `record-change: cannot run ${path.join(
          dir,
          'no-such-terraform',
        )}: command not found; nothing recorded\n`,
      );
      expect(backend.received).toHaveLength(0);
    });
  });
});
