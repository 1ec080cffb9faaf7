import type { TerraformPlanSummary } from '@baton/plugin-sre-common';

/**
 * The add/change/destroy counts of a plan, from the JSON of
 * `terraform show -json plan.out`, as Terraform's "Plan: 1 to add, 2 to
 * change, 0 to destroy" line counts them: each `resource_changes[]` entry by
 * its `change.actions` — `["create"]` adds, `["update"]` changes, `["delete"]`
 * destroys, a replace (`["delete","create"]` or `["create","delete"]`) adds
 * one and destroys one, `["no-op"]` and `["read"]` count nothing.
 * `resource_drift` (changes made outside Terraform) is not counted.
 * Throws a TypeError saying what is wrong with the document.
 */
export function terraformPlanSummary(plan: unknown): TerraformPlanSummary {
  if (!isObject(plan) || typeof plan.format_version !== 'string') {
    throw new TypeError(
      "has no format_version: is it the output of 'terraform show -json plan.out'?",
    );
  }
  // The format's own rule: reject a major version it does not know.
  if (plan.format_version.split('.')[0] !== '1') {
    throw new TypeError(
      `has format_version ${plan.format_version}; only 1.x is understood`,
    );
  }
  // A state's JSON (`terraform show -json` without a plan file) has `values` instead.
  if (!('resource_changes' in plan) && !('planned_values' in plan)) {
    throw new TypeError(
      "has no resource_changes or planned_values: is it a state's JSON rather than a plan's?",
    );
  }
  const changes = plan.resource_changes ?? [];
  if (!Array.isArray(changes)) {
    throw new TypeError('has a resource_changes that is not a list');
  }
  const summary: TerraformPlanSummary = { add: 0, change: 0, destroy: 0 };
  changes.forEach((resourceChange, index) => {
    const actions = isObject(resourceChange)
      ? (resourceChange as { change?: { actions?: unknown } }).change?.actions
      : undefined;
    if (
      !Array.isArray(actions) ||
      !actions.every(action => typeof action === 'string')
    ) {
      throw new TypeError(
        `has no change.actions list in resource_changes[${index}]`,
      );
    }
    // Scanning for each action covers both replace orders, as the format suggests.
    if (actions.includes('create')) summary.add += 1;
    if (actions.includes('update')) summary.change += 1;
    if (actions.includes('delete')) summary.destroy += 1;
  });
  return summary;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
