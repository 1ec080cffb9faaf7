import fs from 'fs';
import path from 'path';
import { terraformPlanSummary } from './terraformPlan';

/** `terraform show -json plan.out` of a plan with every kind of action, as HashiCorp's JSON output format describes it. */
const fixture = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, '__fixtures__/terraform-show-plan.json'),
    'utf8',
  ),
);

const planWith = (...actionLists: string[][]) => ({
  format_version: '1.2',
  resource_changes: actionLists.map((actions, index) => ({
    address: `null_resource.r${index}`,
    mode: 'managed',
    type: 'null_resource',
    name: `r${index}`,
    change: { actions },
  })),
});

describe('terraformPlanSummary', () => {
  it('counts the recorded plan as Terraform does: a replace in either order is one add and one destroy, drift not counted', () => {
    // update ×2, delete+create, create+delete, create, delete, no-op, read
    expect(terraformPlanSummary(fixture)).toEqual({
      add: 3,
      change: 2,
      destroy: 3,
    });
  });

  it.each([
    [[['create']], { add: 1, change: 0, destroy: 0 }],
    [[['update']], { add: 0, change: 1, destroy: 0 }],
    [[['delete']], { add: 0, change: 0, destroy: 1 }],
    [[['delete', 'create']], { add: 1, change: 0, destroy: 1 }],
    [[['create', 'delete']], { add: 1, change: 0, destroy: 1 }],
    [[['no-op'], ['read']], { add: 0, change: 0, destroy: 0 }],
    [
      [['create'], ['create'], ['update'], ['delete', 'create']],
      { add: 3, change: 1, destroy: 1 },
    ],
  ])('counts %j as %j', (actions, summary) => {
    expect(terraformPlanSummary(planWith(...actions))).toEqual(summary);
  });

  it('counts a plan without resource_changes as nothing', () => {
    expect(
      terraformPlanSummary({ format_version: '1.0', planned_values: {} }),
    ).toEqual({
      add: 0,
      change: 0,
      destroy: 0,
    });
  });

  it('refuses what is not a plan in a format it knows', () => {
    expect(() => terraformPlanSummary({ resource_changes: [] })).toThrow(
      /has no format_version/,
    );
    expect(() =>
      terraformPlanSummary({
        format_version: '1.0',
        terraform_version: '1.9.8',
        values: { root_module: {} },
      }),
    ).toThrow(/is it a state's JSON rather than a plan's/);
    expect(() =>
      terraformPlanSummary({ ...fixture, format_version: '2.0' }),
    ).toThrow('has format_version 2.0; only 1.x is understood');
    expect(() =>
      terraformPlanSummary({ format_version: '1.2', resource_changes: {} }),
    ).toThrow('has a resource_changes that is not a list');
    expect(() =>
      terraformPlanSummary({
        format_version: '1.2',
        resource_changes: [{ address: 'a.b', change: { actions: 'update' } }],
      }),
    ).toThrow('has no change.actions list in resource_changes[0]');
    expect(() => terraformPlanSummary([])).toThrow(/has no format_version/);
  });
});
