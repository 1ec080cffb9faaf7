/* eslint-disable no-console */
import type { AuthService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_TERRAFORM_USER,
  CHANGE_KINDS,
  ChangeIdentity,
  ChangeInput,
  DEFAULT_READINESS_POLICY,
} from '@baton/plugin-sre-common';
import type { AlertEvent } from '@baton/plugin-sre-node';
import type { Knex } from 'knex';
import os from 'os';
import { DatabaseAlertStore } from '../alerts/AlertStore';
import { ms, percentile, thousands } from '../bench/latencyFigures';
import { withThrowAwayPostgres } from '../bench/throwAwayPostgres';
import { withThrowAwaySqlite } from '../bench/throwAwaySqlite';
import { CatalogSnapshot } from '../catalog/CatalogSnapshot';
import { applyDatabaseMigrations } from '../database/migrations';
import { MAX_CHANGES_PER_RECORD } from './changeInputSchema';
import { ChangeService } from './ChangeService';
import { ChangeSourceRegistry } from './ChangeSourceRegistry';
import { readChangesConfig } from './changesConfig';
import { DatabaseChangeStore } from './ChangeStore';

// `npm run bench`: production changes (issue #22). Ingests 100,000 changes
// over 180 days on 200 services of 17 teams through ChangeService.record,
// in requests of the API's maximum size, then sends a tenth again (stored
// once); then reads what the pages read: each team's Changes tab over 90
// days (goal p95 < 500 ms), an entity's changes, the readiness facts of
// every service and a review agenda's section, each checked against a
// count in SQL. CPU is this process's (the database server's is not in
// it). On PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING
// is set, and on SQLite with a fifth of the changes;
// BATON_BENCH_CHANGES=<n> for a quick run.
const SERVICES = 200;
const TEAMS = 17;
const USERS = 300;
const MEMBERS_PER_TEAM = Math.floor(USERS / TEAMS);
const CHANGES = Number(process.env.BATON_BENCH_CHANGES ?? 100_000);
/** SQLite, the embedded default for small teams, stores a fifth as many. */
const SQLITE_CHANGES = Math.ceil(CHANGES / 5);
const DAYS = 180;
const TAB_DAYS = 90;
const REVIEW_DAYS = 14;
const DAY = 86_400_000;
const TEAM_ROUNDS = 5;
const ENTITY_READS = 40;
const READINESS_RUNS = 3;
const REVIEW_RUNS = 5;
const TEAM_TAB_GOAL_MS = 500;
/** Alerts in a delivery to the alert store. */
const ALERT_BATCH = 500;

const serviceRef = (i: number) => `component:default/service-${i}`;
const teamRef = (k: number) => `group:default/team-${k}`;
const userRef = (u: number) => `user:default/user-${u}`;
const teamServices = (k: number) =>
  Array.from({ length: SERVICES }, (_, i) => i)
    .filter(i => i % TEAMS === k)
    .map(serviceRef);

/** Services owned by team `i % TEAMS`; users are members of team `u % TEAMS`. */
function catalogEntities(): Entity[] {
  const relation = (type: string, targetRef: string) => ({ type, targetRef });
  const users = Array.from(
    { length: USERS },
    (_, u): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: {
        name: `user-${u}`,
        namespace: 'default',
        annotations: {
          'github.com/user-login': `gh-user-${u}`,
          ...(u % 3 === 0
            ? { [ANNOTATION_TERRAFORM_USER]: `tf-user-${u}` }
            : {}),
        },
      },
      spec: {
        profile: { email: `user-${u}@acme.example`, displayName: `User ${u}` },
      },
      relations: [relation('memberOf', teamRef(u % TEAMS))],
    }),
  );
  const teams = Array.from(
    { length: TEAMS },
    (_, k): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${k}`, namespace: 'default' },
      spec: { type: 'team', children: [] },
      relations: Array.from({ length: USERS }, (__, u) => u)
        .filter(u => u % TEAMS === k)
        .map(u => relation('hasMember', userRef(u))),
    }),
  );
  const services = Array.from(
    { length: SERVICES },
    (_, i): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `service-${i}`, namespace: 'default' },
      spec: { type: 'service', owner: teamRef(i % TEAMS) },
      relations: [relation('ownedBy', teamRef(i % TEAMS))],
    }),
  );
  return [...users, ...teams, ...services];
}

/** The catalog as the snapshot and the people matching ask it: entities filtered by kind. */
function mockCatalog(entities: Entity[]): CatalogService {
  return {
    getEntities: async (request?: {
      filter?: { kind?: string | string[] };
    }) => {
      const wanted = request?.filter?.kind;
      const kinds = wanted
        ? [wanted].flat().map(kind => kind.toLocaleLowerCase('en-US'))
        : undefined;
      return {
        items: kinds
          ? entities.filter(e =>
              kinds.includes(e.kind.toLocaleLowerCase('en-US')),
            )
          : entities,
      };
    },
  } as unknown as CatalogService;
}

/** How a source names user `u`: the four kinds in turn, and now and then someone the catalog lacks. */
function identityOf(u: number, variant: number): ChangeIdentity {
  if (variant % 25 === 0) {
    return { kind: 'github-login', value: `contractor-${u % 7}` };
  }
  switch (variant % 4) {
    case 0:
      return { kind: 'github-login', value: `gh-user-${u}` };
    case 1:
      return { kind: 'email', value: `user-${u}@acme.example` };
    case 2:
      return u % 3 === 0
        ? { kind: 'terraform-user', value: `tf-user-${u}` }
        : { kind: 'name', value: `user-${u}` };
    default:
      return { kind: 'name', value: `user-${u}` };
  }
}

/**
 * A share 0–99 for change `i` and one attribute (`salt`), spread by a
 * multiplicative hash: a service's changes are every 200th, so `i % 10`
 * would give all of them the same attribute.
 */
const share = (i: number, salt: number) =>
  (Math.imul(i + salt * 7_919, 2_654_435_761) >>> 16) % 100;

/** `count` changes spread evenly over the DAYS before `now`. */
interface DataSet {
  count: number;
  now: number;
}

const startOf = (i: number, { count, now }: DataSet) =>
  now - Math.round(((i + 0.5) * DAYS * DAY) / count);

/** The newest 20 still run; 4% failed and 2% rolled back. */
function outcomeOf(i: number): ChangeInput['outcome'] {
  if (i < 20) return 'in-progress';
  const fate = share(i, 3);
  if (fate < 4) return 'failed';
  return fate < 6 ? 'rolled-back' : 'succeeded';
}

/**
 * Change `i`, newest first over DAYS: run by a member of the owning team,
 * 70% paired, half with a procedure (most reviewed), a tenth on two
 * services; the Terraform applies of every 4th service grow slower.
 */
function changeInput(i: number, data: DataSet): ChangeInput {
  const service = (i * 37) % SERVICES;
  const team = service % TEAMS;
  const member = (slot: number) =>
    team + TEAMS * ((share(i, 1) + slot) % MEMBERS_PER_TEAM);
  const kind = CHANGE_KINDS[share(i, 2) % CHANGE_KINDS.length];
  const startedAt = startOf(i, data);
  const outcome = outcomeOf(i);
  const operator = identityOf(member(0), share(i, 4));
  return {
    externalId: `run-${i}`,
    entityRefs:
      share(i, 5) < 10
        ? [serviceRef(service), serviceRef((service + 1) % SERVICES)]
        : [serviceRef(service)],
    kind,
    environment: 'production',
    title: `${kind} on service-${service} (#${i})`,
    startedAt: new Date(startedAt).toISOString(),
    ...(outcome === 'in-progress'
      ? {}
      : {
          finishedAt: new Date(
            startedAt + (5 + (i % 40)) * 60_000,
          ).toISOString(),
        }),
    outcome,
    operators: [operator],
    pairs: share(i, 6) < 70 ? [identityOf(member(1), share(i, 7))] : [],
    ...(share(i, 8) < 50
      ? {
          procedure: {
            url: `https://git.example/acme/procedures/pull/${i}`,
            authors: [operator],
            reviewers:
              share(i, 9) < 15 ? [] : [identityOf(member(2), share(i, 10))],
          },
        }
      : {}),
    ...(kind === 'terraform-apply'
      ? {
          terraform: {
            workspace: `acme/service-${service}-prod`,
            plan: { add: i % 3, change: 1 + (i % 5), destroy: i % 7 ? 0 : 1 },
            applySeconds:
              60 +
              (i % 30) +
              (service % 4 === 0 ? (1 - i / data.count) * 120 : 0),
          },
        }
      : {}),
    links: [{ title: 'CI run', url: `https://ci.example/acme/runs/${i}` }],
  };
}

/**
 * An alert 10–100 minutes after one change in 20 on its service (it
 * follows the change), and one 5 hours after one in 40 (it mostly does
 * not); none in the future.
 */
function alertEvents(data: DataSet): AlertEvent[] {
  const events: AlertEvent[] = [];
  const add = (i: number, afterMinutes: number, key: string) => {
    const startsAt = startOf(i, data) + afterMinutes * 60_000;
    if (startsAt >= data.now) return;
    const service = (i * 37) % SERVICES;
    events.push({
      source: 'generic',
      sourceKey: key,
      monitor: `Monitor${service % 30}`,
      title: `Error rate above 1% on service-${service}`,
      severity: i % 3 === 0 ? 'critical' : 'warning',
      status: 'resolved',
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 15 * 60_000).toISOString(),
      at: new Date(startsAt + 15 * 60_000).toISOString(),
      resolvedBy: 'source',
      labels: { service: `service-${service}` },
    });
  };
  for (let i = 0; i < data.count; i++) {
    const roll = share(i, 11);
    if (roll < 5) add(i, 10 + (i % 90), `after-${i}`);
    else if (roll < 8) add(i, 300, `later-${i}`);
  }
  return events;
}

/** Wall time of each of `runs` calls (ascending) and this process's CPU time a call. */
async function sample(runs: number, fn: (run: number) => Promise<void>) {
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await fn(run);
    times.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuBefore);
  return {
    times: times.sort((a, b) => a - b),
    total: times.reduce((sum, time) => sum + time, 0),
    cpu: ms((cpu.user + cpu.system) / 1000 / runs),
  };
}

const median = (sorted: number[]) => percentile(sorted, 0.5);
const p95 = (sorted: number[]) => percentile(sorted, 0.95);

/** What a read got wrong, each said once: the bench goes on to its other figures, then fails. */
const problems = new Set<string>();
function wrongIf(label: string) {
  return (condition: boolean, message: string) => {
    const problem = `${label}: WRONG: ${message}`;
    if (condition || problems.has(problem)) return;
    problems.add(problem);
    console.error(problem);
  };
}

/** Changes of any of the entities that started in [from, to), counted in SQL: what a read must return. */
async function countChanges(
  knex: Knex,
  entityRefs: string[],
  from: Date,
  to: Date,
): Promise<{ changes: number; entityRows: number }> {
  const [row] = await knex('sre_change_entities')
    .whereIn('entity_ref', entityRefs)
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .select(
      knex.raw('count(distinct change_id) as changes'),
      knex.raw('count(*) as entity_rows'),
    );
  return { changes: Number(row.changes), entityRows: Number(row.entity_rows) };
}

async function bench(label: string, knex: Knex, count: number) {
  const check = wrongIf(label);
  await applyDatabaseMigrations(knex);
  const now = Date.now();
  const data = { count, now };
  const catalog = mockCatalog(catalogEntities());
  const auth = {
    getOwnServiceCredentials: async () => ({}),
  } as unknown as AuthService;
  const service = new ChangeService({
    store: DatabaseChangeStore.create(knex),
    sources: new ChangeSourceRegistry(),
    snapshot: new CatalogSnapshot({ catalog, auth }),
    catalog,
    auth,
    alerts: DatabaseAlertStore.create(knex),
    // One team works in Tokyo: the off-hours rule reads per-team hours.
    config: readChangesConfig(
      new ConfigReader({
        sre: {
          changes: {
            teams: [
              {
                group: teamRef(0),
                workingHours: {
                  timeZone: 'Asia/Tokyo',
                  start: '09:30',
                  end: '18:30',
                },
              },
            ],
          },
        },
      }),
    ),
    logger: console as never,
    now: () => now,
  });
  // What the router passes: the caller may read every service here.
  const visible = async (refs: string[]) => new Set(refs);

  // (1) Ingest, in requests of the API's maximum size.
  const batches = Math.ceil(count / MAX_CHANGES_PER_RECORD);
  const batch = (b: number) =>
    Array.from(
      {
        length: Math.min(
          MAX_CHANGES_PER_RECORD,
          count - b * MAX_CHANGES_PER_RECORD,
        ),
      },
      (_, n) => changeInput(b * MAX_CHANGES_PER_RECORD + n, data),
    );
  const ingest = await sample(batches, async b => {
    const { ids } = await service.record(batch(b), 'api');
    check(ids.length > 0, `batch ${b} stored nothing`);
  });
  const storedCount = async (table: string) =>
    Number((await knex(table).count({ n: '*' }))[0].n);
  const stored = {
    changes: await storedCount('sre_changes'),
    entities: await storedCount('sre_change_entities'),
    people: await storedCount('sre_change_people'),
  };
  check(
    stored.changes === count,
    `${stored.changes} changes stored, not ${count}`,
  );
  console.log(
    `${label}: ingested ${thousands(count)} changes over ${DAYS} days in ${
      ingest.times.length
    } requests of ${thousands(MAX_CHANGES_PER_RECORD)}: ${ms(
      ingest.total,
    )}, ${thousands(
      (count / ingest.total) * 1000,
    )} changes/s; a request: median ${ms(median(ingest.times))}, p95 ${ms(
      p95(ingest.times),
    )}, CPU ${ingest.cpu} (${thousands(stored.entities)} entity and ${thousands(
      stored.people,
    )} people rows)`,
  );

  // The same changes again (a sender retrying): replaced, not added.
  const resent = Math.max(1, Math.floor(batches / 10));
  const again = await sample(resent, async b => {
    await service.record(batch(b), 'api');
  });
  const afterResend = {
    changes: await storedCount('sre_changes'),
    entities: await storedCount('sre_change_entities'),
    people: await storedCount('sre_change_people'),
  };
  check(
    JSON.stringify(afterResend) === JSON.stringify(stored),
    `re-sent changes were stored again: ${JSON.stringify(
      afterResend,
    )} after ${JSON.stringify(stored)}`,
  );
  console.log(
    `${label}: re-sent ${thousands(
      Math.min(count, resent * MAX_CHANGES_PER_RECORD),
    )} changes: ${thousands(
      (Math.min(count, resent * MAX_CHANGES_PER_RECORD) / again.total) * 1000,
    )} changes/s, CPU ${again.cpu} a request; still ${thousands(
      afterResend.changes,
    )} changes stored`,
  );

  const alertStore = DatabaseAlertStore.create(knex);
  const events = alertEvents(data);
  for (let at = 0; at < events.length; at += ALERT_BATCH) {
    await alertStore.ingest(
      events.slice(at, at + ALERT_BATCH),
      labels => [serviceRef(Number(labels.service.slice('service-'.length)))],
      new Date(now),
    );
  }

  // (2) Each team's Changes tab over 90 days, several rounds.
  const to = new Date(now);
  const from = new Date(now - TAB_DAYS * DAY);
  const expected = await Promise.all(
    Array.from({ length: TEAMS }, (_, k) =>
      countChanges(knex, teamServices(k), from, to),
    ),
  );
  let followed = 0;
  let paired = 0;
  let solo = 0;
  let trends = 0;
  let firstMs = 0;
  const team = await sample(TEAM_ROUNDS * TEAMS, async run => {
    const k = run % TEAMS;
    const started = performance.now();
    const tab = await service.teamChanges(
      teamRef(k),
      { from, to },
      { visible },
    );
    if (run === 0) firstMs = performance.now() - started;
    check(
      tab.summary.total === expected[k].changes && tab.summary.total > 0,
      `${teamRef(k)}'s tab counts ${tab.summary.total} changes; SQL counts ${
        expected[k].changes
      }`,
    );
    check(tab.people.length > 0, `${teamRef(k)}'s tab names no people`);
    if (run < TEAMS) {
      followed += tab.summary.followedByAlerts;
      paired += tab.summary.paired;
      solo += tab.summary.solo;
      trends += tab.applyTrends.length;
    }
  });
  check(
    followed > 0 && paired > 0 && solo > 0 && trends > 0,
    `the teams' tabs find ${followed} changes followed by alerts, ${paired} paired, ${solo} solo, ${trends} apply trends`,
  );
  const perTeam = expected.map(e => e.changes);
  console.log(
    `${label}: team Changes tab, ${TAB_DAYS} days (${Math.min(
      ...perTeam,
    )}–${Math.max(
      ...perTeam,
    )} changes a team; ${followed} followed by alerts): first ${ms(
      firstMs,
    )}, median ${ms(median(team.times))}, p95 ${ms(
      p95(team.times),
    )} (goal < ${TEAM_TAB_GOAL_MS} ms), max ${ms(
      team.times[team.times.length - 1],
    )}, CPU ${team.cpu} a read (${
      team.times.length
    } reads: ${TEAM_ROUNDS} rounds × ${TEAMS} teams)`,
  );

  const entity = await sample(ENTITY_READS, async n => {
    const ref = serviceRef((n * 37) % SERVICES);
    const list = await service.listForEntity(ref, { from, to }, { visible });
    const { changes } = await countChanges(knex, [ref], from, to);
    check(
      list.items.length === changes && changes > 0,
      `${ref} lists ${list.items.length} changes; SQL counts ${changes}`,
    );
  });
  console.log(
    `${label}: an entity's changes, ${TAB_DAYS} days: median ${ms(
      median(entity.times),
    )}, p95 ${ms(p95(entity.times))}, CPU ${
      entity.cpu
    } a read (${ENTITY_READS} services; each read also counts in SQL)`,
  );

  // (3) What the readiness checks and the review agenda read.
  const everything = Array.from({ length: SERVICES }, (_, i) => serviceRef(i));
  const days = DEFAULT_READINESS_POLICY.thresholds.changesDays;
  const inReadinessWindow = await countChanges(
    knex,
    everything,
    new Date(now - days * DAY),
    to,
  );
  const readiness = await sample(READINESS_RUNS, async () => {
    const facts = await service.readinessFacts(everything, days);
    const counted = [...facts.values()].reduce((sum, f) => sum + f.count, 0);
    check(
      facts.size === SERVICES && [...facts.values()].some(f => f.paired > 0),
      `readiness facts for ${facts.size} services, none with a paired change`,
    );
    check(
      counted === inReadinessWindow.entityRows,
      `readiness counts ${counted} entity changes; SQL counts ${inReadinessWindow.entityRows}`,
    );
  });
  console.log(
    `${label}: readiness facts of all ${SERVICES} services, ${days} days: median ${ms(
      median(readiness.times),
    )}, max ${ms(readiness.times[readiness.times.length - 1])}, CPU ${
      readiness.cpu
    } a read (${READINESS_RUNS} runs)`,
  );

  const since = new Date(now - REVIEW_DAYS * DAY);
  const reviewExpected = await Promise.all(
    Array.from({ length: REVIEW_RUNS }, (_, k) =>
      countChanges(knex, teamServices(k), since, to),
    ),
  );
  const review = await sample(REVIEW_RUNS, async k => {
    const section = await service.reviewSection(teamServices(k), since, to, {
      visible,
    });
    check(
      section.summary.total === reviewExpected[k].changes &&
        section.summary.total > 0 &&
        section.notable.length > 0,
      `${teamRef(k)}'s review counts ${
        section.summary.total
      } changes; SQL counts ${reviewExpected[k].changes}`,
    );
  });
  console.log(
    `${label}: review agenda's changes section, ${REVIEW_DAYS} days: median ${ms(
      median(review.times),
    )}, max ${ms(review.times[review.times.length - 1])}, CPU ${
      review.cpu
    } a read (${REVIEW_RUNS} teams)`,
  );
}

async function main() {
  console.log(
    `${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}, node ${
      process.version
    }`,
  );
  const pgUrl =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING;
  if (pgUrl) {
    await withThrowAwayPostgres(pgUrl, 'change_bench', db =>
      bench('PostgreSQL', db.knex(), CHANGES),
    );
  }
  await withThrowAwaySqlite('change-bench', db =>
    bench('SQLite', db.knex(), SQLITE_CHANGES),
  );
  if (problems.size) {
    throw new Error(`changes bench: ${problems.size} wrong results (above)`);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
