import type { ChangeIdentity, ChangeInput } from '@baton/plugin-sre-common';
import { isJsonObject, type JsonObject } from '@baton/plugin-sre-node';
import type { JsonApiResource } from './TerraformApiClient';

/** The longest title stored: the run's message is a commit message at worst. */
const MAX_TITLE_LENGTH = 200;

/** Where a run belongs: its workspace, the entities annotated with it, and the app's origin for links. */
export interface TerraformRunContext {
  organization: string;
  workspace: string;
  entityRefs: string[];
  /** `https://app.terraform.io` or the Terraform Enterprise host. */
  appOrigin: string;
}

/** A run, what its `include` brought (plan, apply, users), and the usernames of users read apart. */
export interface TerraformRunRecord {
  run: JsonApiResource;
  included: JsonApiResource[];
  /** Usernames by user id, for users `include` did not bring (the confirmer). */
  usernames?: ReadonlyMap<string, string>;
}

/** The id of a to-one relationship (`relationships.<name>.data.id`). */
export function relatedId(
  resource: JsonApiResource,
  name: string,
): string | undefined {
  const relationship = resource.relationships[name];
  const data = isJsonObject(relationship) ? relationship.data : undefined;
  return isJsonObject(data) && typeof data.id === 'string'
    ? data.id
    : undefined;
}

function timestamp(timestamps: JsonObject, key: string): string | undefined {
  const value = timestamps[key];
  return typeof value === 'string' && !Number.isNaN(Date.parse(value))
    ? new Date(value).toISOString()
    : undefined;
}

function count(attributes: JsonObject, key: string): number {
  const value = attributes[key];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? value
    : 0;
}

/** The run's page in the app, as HCP Terraform's notifications link it (`run_url`). */
export function terraformRunUrl(
  context: Pick<
    TerraformRunContext,
    'appOrigin' | 'organization' | 'workspace'
  >,
  runId: string,
): string {
  return `${context.appOrigin}/app/${encodeURIComponent(
    context.organization,
  )}/${encodeURIComponent(context.workspace)}/runs/${encodeURIComponent(
    runId,
  )}`;
}

/**
 * How a run ended, once it reached the apply stage: `applied` succeeded;
 * `errored`, `canceled` and `force_canceled` after the apply began failed
 * (resources may be half changed); the stages between `apply_queued` and
 * `applying` are in progress. A run that never began applying (a plan that
 * errored, was discarded or found nothing to change; a plan-only or
 * refresh-only run) changed nothing in production and is no change.
 */
function outcomeOf(
  status: string,
  finished: { applied?: string; errored?: string; canceled?: string },
): { outcome: ChangeInput['outcome']; finishedAt?: string } | undefined {
  switch (status) {
    case 'applied':
      return { outcome: 'succeeded', finishedAt: finished.applied };
    case 'errored':
      return { outcome: 'failed', finishedAt: finished.errored };
    case 'canceled':
    case 'force_canceled':
      return { outcome: 'failed', finishedAt: finished.canceled };
    case 'applying':
      return { outcome: 'in-progress' };
    default:
      return undefined;
  }
}

/**
 * A run as Baton's change, or undefined when the run changed nothing in
 * production (see `outcomeOf`). The operator is the user who created the
 * run (or, without one, the user who confirmed it); the pair is the user who
 * confirmed the plan, when that is someone else — never the operator. The
 * change starts when the apply began (`status-timestamps.applying-at`); the
 * apply time runs from there to `applied-at`. The webhook and the pull both
 * build changes here, so a run is the same change whichever way it came.
 */
export function terraformRunChange(
  record: TerraformRunRecord,
  context: TerraformRunContext,
): ChangeInput | undefined {
  const { run, included } = record;
  const attributes = run.attributes;
  if (attributes['plan-only'] === true || attributes['refresh-only'] === true) {
    return undefined;
  }
  const status = typeof attributes.status === 'string' ? attributes.status : '';
  const timestamps = isJsonObject(attributes['status-timestamps'])
    ? attributes['status-timestamps']
    : {};
  const find = (type: string, id: string | undefined) =>
    id === undefined
      ? undefined
      : included.find(resource => resource.type === type && resource.id === id);
  const apply = find('applies', relatedId(run, 'apply'));
  const applyTimestamps = isJsonObject(apply?.attributes['status-timestamps'])
    ? (apply!.attributes['status-timestamps'] as JsonObject)
    : {};
  const startedAt =
    timestamp(timestamps, 'applying-at') ??
    timestamp(applyTimestamps, 'started-at');
  // Errored or canceled before the apply began: nothing was changed.
  if (!startedAt) return undefined;
  const ended = outcomeOf(status, {
    applied: timestamp(timestamps, 'applied-at'),
    errored: timestamp(timestamps, 'errored-at'),
    canceled:
      timestamp(timestamps, 'force-canceled-at') ??
      timestamp(timestamps, 'canceled-at'),
  });
  if (!ended) return undefined;
  const finishedAt =
    ended.outcome === 'in-progress'
      ? undefined
      : ended.finishedAt ?? timestamp(applyTimestamps, 'finished-at');

  const usernameOf = (id: string | undefined) => {
    if (id === undefined) return undefined;
    const username = find('users', id)?.attributes.username;
    return typeof username === 'string' && username
      ? username
      : record.usernames?.get(id);
  };
  const creator = usernameOf(relatedId(run, 'created-by'));
  const confirmer = usernameOf(relatedId(run, 'confirmed-by'));
  const operator = creator ?? confirmer;
  if (!operator) return undefined;
  const person = (value: string): ChangeIdentity => ({
    kind: 'terraform-user',
    value,
  });
  const pairs =
    confirmer && confirmer.toLowerCase() !== operator.toLowerCase()
      ? [person(confirmer)]
      : [];

  const plan = find('plans', relatedId(run, 'plan'));
  const workspace = `${context.organization}/${context.workspace}`;
  const message =
    typeof attributes.message === 'string' && attributes.message.trim()
      ? attributes.message.trim().split('\n')[0]
      : 'Terraform run';
  const title = `${
    attributes['is-destroy'] === true ? 'Destroy: ' : ''
  }${message}`;
  const applySeconds =
    ended.outcome === 'succeeded' && finishedAt
      ? Math.max(0, (Date.parse(finishedAt) - Date.parse(startedAt)) / 1000)
      : undefined;

  return {
    externalId: run.id,
    entityRefs: context.entityRefs,
    kind: 'terraform-apply',
    title:
      title.length > MAX_TITLE_LENGTH
        ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…`
        : title,
    startedAt,
    ...(finishedAt ? { finishedAt } : {}),
    outcome: ended.outcome,
    operators: [person(operator)],
    pairs,
    terraform: {
      workspace,
      ...(plan
        ? {
            plan: {
              add: count(plan.attributes, 'resource-additions'),
              change: count(plan.attributes, 'resource-changes'),
              destroy: count(plan.attributes, 'resource-destructions'),
            },
          }
        : {}),
      ...(applySeconds !== undefined ? { applySeconds } : {}),
    },
    links: [
      { title: 'HCP Terraform run', url: terraformRunUrl(context, run.id) },
    ],
  };
}
