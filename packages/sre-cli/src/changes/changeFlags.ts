import {
  CHANGE_KINDS,
  CHANGE_OUTCOMES,
  ChangeIdentity,
  ChangeInput,
  ChangeKind,
  ChangeOutcome,
  entityRefFromPath,
} from '@baton/plugin-sre-common';
import { randomUUID } from 'crypto';
import fs from 'fs';
import path from 'path';
import { CommandError } from '../backend/backendClient';
import { terraformPlanSummary } from './terraformPlan';

/**
 * What the backend stores at most (its column sizes and list lengths), checked
 * here too so that a run's change is not refused after the apply.
 */
const LIMITS = {
  listed: 20,
  externalId: 255,
  environment: 64,
  title: 1024,
  identity: 255,
  workspace: 255,
} as const;

function assertLength(flag: string, value: string, max: number) {
  if (value.length > max) {
    throw new CommandError(`${flag} must be at most ${max} characters`);
  }
}

function assertCount(flag: string, values: unknown[]) {
  if (values.length > LIMITS.listed) {
    throw new CommandError(
      `${flag} can be given at most ${LIMITS.listed} times`,
    );
  }
}

/** The flags of `baton record-change`, as commander hands them over. */
export type RecordChangeFlags = {
  entity: string[];
  kind?: string;
  operator: string[];
  pair: string[];
  procedure?: string;
  procedureAuthor: string[];
  procedureReviewer: string[];
  environment?: string;
  title?: string;
  id?: string;
  plan?: string;
  workspace?: string;
  started?: string;
  finished?: string;
  outcome?: string;
};

/** Everything about a change but its times and outcome, which a run of the command may still have to give. */
export type ChangeDraft = Omit<
  ChangeInput,
  'startedAt' | 'finishedAt' | 'outcome'
>;

/**
 * A person as `--operator`/`--pair`/`--procedure-…` give them: `github:login`
 * is a GitHub login, anything with an `@` an e-mail address, else a plain name
 * the backend matches to a catalog User.
 */
export function parsePerson(flag: string, value: string): ChangeIdentity {
  const trimmed = value.trim();
  const login = /^github:(.*)$/i.exec(trimmed)?.[1];
  if (login !== undefined) {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(login)) {
      throw new CommandError(
        `${flag} '${value}': github: must be followed by a GitHub login`,
      );
    }
    return { kind: 'github-login', value: login };
  }
  if (!trimmed) {
    throw new CommandError(`${flag} must not be empty`);
  }
  if (trimmed.includes('@')) {
    if (!/^[^\s@]+@[^\s@]+$/.test(trimmed)) {
      throw new CommandError(`${flag} '${value}' is not an e-mail address`);
    }
    return { kind: 'email', value: trimmed };
  }
  return { kind: 'name', value: trimmed };
}

/** `kind:namespace/name`, or `kind:name` in the default namespace; lower-cased as the catalog's relations are. */
export function parseEntityRef(value: string): string {
  const match = /^([^:/]+):(?:([^:/]+)\/)?([^:/]+)$/.exec(value.trim());
  if (!match) {
    throw new CommandError(
      `--entity '${value}' is not an entity ref such as component:default/checkout-api`,
    );
  }
  const [, kind, namespace = 'default', name] = match;
  try {
    return entityRefFromPath(kind, namespace, name).toLocaleLowerCase('en-US');
  } catch (error) {
    throw new CommandError(`--entity '${value}': ${(error as Error).message}`);
  }
}

/** An ISO 8601 time with a time zone, as UTC. */
export function parseTime(flag: string, value: string): string {
  const withZone =
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
  const time = Date.parse(value);
  if (!withZone.test(value.trim()) || Number.isNaN(time)) {
    throw new CommandError(
      `${flag} '${value}' is not an ISO 8601 time with a time zone, such as 2026-12-04T21:30:00+09:00`,
    );
  }
  return new Date(time).toISOString();
}

const sameIdentity = (a: ChangeIdentity, b: ChangeIdentity) =>
  a.kind === b.kind &&
  a.value.toLocaleLowerCase('en-US') === b.value.toLocaleLowerCase('en-US');

function people(flag: string, values: string[]): ChangeIdentity[] {
  assertCount(flag, values);
  const parsed: ChangeIdentity[] = [];
  for (const value of values) {
    const person = parsePerson(flag, value);
    assertLength(flag, person.value, LIMITS.identity);
    if (!parsed.some(known => sameIdentity(known, person))) {
      parsed.push(person);
    }
  }
  return parsed;
}

/** Refuses someone given as both roles, where the rules count them as one person. */
function assertDistinct(
  flag: string,
  others: ChangeIdentity[],
  otherFlag: string,
  given: ChangeIdentity[],
) {
  const both = given.find(person => others.some(o => sameIdentity(o, person)));
  if (both) {
    throw new CommandError(
      `${flag} ${both.value} is also ${otherFlag}: ${
        flag === '--pair'
          ? 'the pair is someone other than the operator'
          : 'a procedure is reviewed by someone other than its author'
      }`,
    );
  }
}

function httpUrl(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CommandError(`${flag} '${value}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CommandError(`${flag} '${value}' is not an http or https URL`);
  }
  return value;
}

export function parseKind(value: string | undefined): ChangeKind {
  if (!value) {
    throw new CommandError(
      `--kind is required: one of ${CHANGE_KINDS.join(', ')}`,
    );
  }
  if (!(CHANGE_KINDS as readonly string[]).includes(value)) {
    throw new CommandError(
      `--kind '${value}' is not one of ${CHANGE_KINDS.join(', ')}`,
    );
  }
  return value as ChangeKind;
}

export function parseOutcome(value: string): ChangeOutcome {
  if (!(CHANGE_OUTCOMES as readonly string[]).includes(value)) {
    throw new CommandError(
      `--outcome '${value}' is not one of ${CHANGE_OUTCOMES.join(', ')}`,
    );
  }
  return value as ChangeOutcome;
}

/** Reads `--plan`: a file of `terraform show -json plan.out` output. */
function readPlan(file: string) {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CommandError(
      `--plan ${file}: ${
        code === 'ENOENT' ? 'no such file' : (error as Error).message
      }`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CommandError(
      `--plan ${file} is not JSON: pass the output of 'terraform show -json plan.out', not the plan file itself`,
    );
  }
  try {
    return terraformPlanSummary(json);
  } catch (error) {
    throw new CommandError(`--plan ${file} ${(error as Error).message}`);
  }
}

/**
 * The change the flags describe, but for its times and outcome. Every bad
 * flag fails here, naming it, before a command runs or anything is sent.
 * `command` is what runs after `--`, if anything.
 */
export function changeDraftFromFlags(
  flags: RecordChangeFlags,
  command: string[],
  cwd: string = process.cwd(),
): ChangeDraft {
  if (!flags.entity.length) {
    throw new CommandError(
      '--entity is required: the catalog entity the change touched, such as component:default/checkout-api',
    );
  }
  assertCount('--entity', flags.entity);
  const entityRefs = [...new Set(flags.entity.map(parseEntityRef))];
  const kind = parseKind(flags.kind);
  if (!flags.operator.length) {
    throw new CommandError('--operator is required: who ran the change');
  }
  const operators = people('--operator', flags.operator);
  const pairs = people('--pair', flags.pair);
  assertDistinct('--pair', operators, 'an --operator', pairs);

  let procedure: ChangeDraft['procedure'];
  if (flags.procedure !== undefined) {
    const authors = people('--procedure-author', flags.procedureAuthor);
    const reviewers = people('--procedure-reviewer', flags.procedureReviewer);
    assertDistinct(
      '--procedure-reviewer',
      authors,
      'a --procedure-author',
      reviewers,
    );
    procedure = {
      url: httpUrl('--procedure', flags.procedure),
      authors,
      reviewers,
    };
  } else if (flags.procedureAuthor.length || flags.procedureReviewer.length) {
    throw new CommandError(
      `${
        flags.procedureAuthor.length
          ? '--procedure-author'
          : '--procedure-reviewer'
      } needs --procedure <url>: the procedure they wrote or reviewed`,
    );
  }

  const externalId = flags.id ?? randomUUID();
  if (!externalId.trim()) {
    throw new CommandError('--id must not be empty');
  }
  assertLength('--id', externalId, LIMITS.externalId);
  const environment = flags.environment?.trim();
  if (flags.environment !== undefined && !environment) {
    throw new CommandError('--environment must not be empty');
  }
  assertLength('--environment', environment ?? '', LIMITS.environment);
  if (flags.title !== undefined && !flags.title.trim()) {
    throw new CommandError('--title must not be empty');
  }
  assertLength('--title', flags.title?.trim() ?? '', LIMITS.title);
  // A long command line is cut rather than refused: its start says what ran.
  const title = (
    flags.title?.trim() ||
    (command.length ? command.join(' ') : `${kind} on ${entityRefs.join(', ')}`)
  ).slice(0, LIMITS.title);

  let terraform: ChangeDraft['terraform'];
  if (
    flags.plan !== undefined ||
    flags.workspace !== undefined ||
    kind === 'terraform-apply'
  ) {
    const workspace = (flags.workspace ?? path.basename(cwd)).trim();
    if (!workspace) {
      throw new CommandError('--workspace must not be empty');
    }
    assertLength('--workspace', workspace, LIMITS.workspace);
    terraform = { workspace };
    if (flags.plan !== undefined) {
      terraform.plan = readPlan(flags.plan);
    }
  }

  return {
    externalId,
    entityRefs,
    kind,
    ...(environment ? { environment } : {}),
    title,
    operators,
    pairs,
    ...(procedure ? { procedure } : {}),
    ...(terraform ? { terraform } : {}),
  };
}

/**
 * The times and outcome of a change recorded by hand: `--started` (required),
 * `--finished` and `--outcome` (succeeded by default).
 */
export function handTimes(
  flags: RecordChangeFlags,
): Pick<ChangeInput, 'startedAt' | 'finishedAt' | 'outcome'> {
  if (!flags.started) {
    throw new CommandError(
      '--started is required without a command to run after --: when the change started, e.g. 2026-12-04T21:30:00+09:00',
    );
  }
  const startedAt = parseTime('--started', flags.started);
  const outcome = parseOutcome(flags.outcome ?? 'succeeded');
  if (flags.finished === undefined) {
    return { startedAt, outcome };
  }
  const finishedAt = parseTime('--finished', flags.finished);
  if (finishedAt < startedAt) {
    throw new CommandError(
      `--finished ${flags.finished} is before --started ${flags.started}`,
    );
  }
  if (outcome === 'in-progress') {
    throw new CommandError(
      '--finished cannot go with --outcome in-progress: a change in progress has not finished',
    );
  }
  return { startedAt, finishedAt, outcome };
}

/** Refuses the flags that a run of the command measures itself. */
export function assertNoHandTimes(flags: RecordChangeFlags): void {
  for (const flag of ['started', 'finished', 'outcome'] as const) {
    if (flags[flag] !== undefined) {
      throw new CommandError(
        `--${flag} cannot go with a command after --: the command's run gives it`,
      );
    }
  }
}
