import type { JsonApiResource } from './TerraformApiClient';
import {
  terraformRunChange,
  type TerraformRunContext,
} from './terraformRunChange';
import runApplied from './__fixtures__/run-applied.json';
import runApplying from './__fixtures__/run-applying.json';
import runErrored from './__fixtures__/run-errored.json';

const context: TerraformRunContext = {
  organization: 'acme',
  workspace: 'checkout-prod',
  entityRefs: ['component:default/checkout-api'],
  appOrigin: 'https://app.terraform.io',
};
const BOB_ID = 'user-Dx4gRq1aPhJnUy8s';
const usernames = new Map([[BOB_ID, 'bob-tfc']]);

type Document = { data: unknown; included: unknown[] };
const record = (
  document: Document,
  changes: (run: JsonApiResource) => void = () => {},
) => {
  const run = structuredClone(document.data) as JsonApiResource;
  changes(run);
  return {
    run,
    included: structuredClone(document.included) as JsonApiResource[],
    usernames,
  };
};

describe('terraformRunChange', () => {
  it('makes an applied run a succeeded change: creator operates, confirmer pairs, plan counts, apply time', () => {
    expect(terraformRunChange(record(runApplied), context)).toEqual({
      externalId: 'run-CZcmD7eagjhyX0vN',
      entityRefs: ['component:default/checkout-api'],
      kind: 'terraform-apply',
      title: 'Upsize the checkout database',
      startedAt: '2026-11-25T10:00:00.000Z',
      finishedAt: '2026-11-25T10:05:12.000Z',
      outcome: 'succeeded',
      operators: [{ kind: 'terraform-user', value: 'alice-tfc' }],
      pairs: [{ kind: 'terraform-user', value: 'bob-tfc' }],
      terraform: {
        workspace: 'acme/checkout-prod',
        plan: { add: 1, change: 2, destroy: 0 },
        applySeconds: 312,
      },
      links: [
        {
          title: 'HCP Terraform run',
          url: 'https://app.terraform.io/app/acme/checkout-prod/runs/run-CZcmD7eagjhyX0vN',
        },
      ],
    });
  });

  it('makes an applying run in progress, without a finish or an apply time', () => {
    const change = terraformRunChange(record(runApplying), context)!;
    expect(change.outcome).toBe('in-progress');
    expect(change.finishedAt).toBeUndefined();
    expect(change.terraform?.applySeconds).toBeUndefined();
    expect(change.startedAt).toBe('2026-11-25T10:00:00.000Z');
  });

  it('makes an apply that errored a failed change with no pair when the operator confirmed it', () => {
    const change = terraformRunChange(record(runErrored), context)!;
    expect(change).toMatchObject({
      externalId: 'run-8bEzDnNfVbAEuRmm',
      outcome: 'failed',
      startedAt: '2026-11-26T23:40:04.000Z',
      finishedAt: '2026-11-26T23:44:30.000Z',
      operators: [{ kind: 'terraform-user', value: 'alice-tfc' }],
      pairs: [],
      terraform: { plan: { add: 0, change: 3, destroy: 1 } },
    });
    expect(change.terraform?.applySeconds).toBeUndefined();
  });

  it('counts a run canceled during its apply as failed', () => {
    const change = terraformRunChange(
      record(runApplying, run => {
        run.attributes.status = 'canceled';
        (run.attributes['status-timestamps'] as Record<string, string>)[
          'canceled-at'
        ] = '2026-11-25T10:01:00+00:00';
      }),
      context,
    );
    expect(change).toMatchObject({
      outcome: 'failed',
      finishedAt: '2026-11-25T10:01:00.000Z',
    });
  });

  it.each([
    ['a plan that errored', 'errored'],
    ['a discarded plan', 'discarded'],
    ['a plan with nothing to change', 'planned_and_finished'],
    ['a run awaiting confirmation', 'planned'],
  ])('records no change for %s (the apply never began)', (_, status) => {
    expect(
      terraformRunChange(
        record(runApplied, run => {
          run.attributes.status = status;
          run.attributes['status-timestamps'] = {
            'planning-at': '2026-11-25T09:52:14+00:00',
          };
          // Nor does the apply say it started.
          run.relationships.apply = { data: null };
        }),
        context,
      ),
    ).toBeUndefined();
  });

  it('records no change for plan-only and refresh-only runs', () => {
    for (const flag of ['plan-only', 'refresh-only']) {
      expect(
        terraformRunChange(
          record(runApplied, run => {
            run.attributes[flag] = true;
          }),
          context,
        ),
      ).toBeUndefined();
    }
  });

  it('takes the confirmer as the operator of a run without a creator, and then has no pair', () => {
    const change = terraformRunChange(
      record(runApplied, run => {
        delete run.relationships['created-by'];
      }),
      context,
    )!;
    expect(change.operators).toEqual([
      { kind: 'terraform-user', value: 'bob-tfc' },
    ]);
    expect(change.pairs).toEqual([]);
  });

  it('never makes the operator their own pair, whatever the case of the name', () => {
    const change = terraformRunChange(
      { ...record(runApplied), usernames: new Map([[BOB_ID, 'Alice-TFC']]) },
      context,
    )!;
    expect(change.pairs).toEqual([]);
  });

  it('marks a destroy run in its title', () => {
    const change = terraformRunChange(
      record(runApplied, run => {
        run.attributes['is-destroy'] = true;
      }),
      context,
    )!;
    expect(change.title).toBe('Destroy: Upsize the checkout database');
  });
});
