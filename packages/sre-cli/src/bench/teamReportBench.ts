/* eslint-disable no-console */
import {
  DEFAULT_READINESS_POLICY,
  KnowledgeReport,
  ReadinessFacts,
  simulateLeave,
  soleCovers,
} from '@baton/plugin-sre-common';
import fs from 'fs';
import path from 'path';

// `npm run bench`: a team report with a leave simulation over 500 services
// and 200 people (goal: under 1 s), computed as the backend computes it.
const SERVICES = Number(process.env.BATON_BENCH_SERVICES ?? 500);
const PEOPLE = Number(process.env.BATON_BENCH_PEOPLE ?? 200);
const RUNS = 5;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Synthetic facts: each service has 3–12 authors among the people and 20–60 author sets. */
function generateTeam(): ReadinessFacts[] {
  const next = random(7);
  const now = '2026-11-24T00:00:00.000Z';
  const members = Array.from(
    { length: PEOPLE },
    (_, i) => `user:default/p${i}`,
  );
  return Array.from({ length: SERVICES }, (_, s) => {
    const authors = Array.from({ length: 3 + Math.floor(next() * 10) }, () =>
      Math.floor(next() * PEOPLE),
    ).filter((p, i, all) => all.indexOf(p) === i);
    const authorSets = Array.from(
      { length: 20 + Math.floor(next() * 40) },
      () => ({
        people: authors.filter(() => next() < 0.4).map(p => authors.indexOf(p)),
        files: 1 + Math.floor(next() * 30),
      }),
    ).filter(set => set.people.length > 0);
    const fileCount = authorSets.reduce((sum, set) => sum + set.files, 0);
    const knowledge: KnowledgeReport = {
      entityRef: `component:default/s${s}`,
      computedAt: now,
      status: 'ok',
      repositories: [],
      truckFactor: 2,
      fileCount,
      filesWithoutAuthor: 0,
      mode: 'pairing',
      truckFactorAuthors: [],
      people: authors.map(p => ({
        name: `p${p}`,
        emails: [],
        userRef: members[p],
        files: 10,
        share: 0.1,
        commits: 10,
        lastCommitAt: now,
      })),
      authorSets: authorSets.map(set => ({
        ...set,
        people: set.people.sort((a, b) => a - b),
      })),
      iacFiles: 0,
      rule: '',
    };
    return {
      now,
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: `s${s}`,
          namespace: 'default',
          annotations: { 'baton.dev/runbook': 'x' },
        },
      },
      owner: { ref: 'group:default/team', kind: 'group', members },
      knowledge,
      accessResources: [
        {
          ref: 'resource:default/aws',
          source: 'aws-account:1',
          admins: authors.slice(0, 2).map(p => members[p]),
        },
      ],
    };
  });
}

function main() {
  const team = generateTeam();
  const absent = ['user:default/p0', 'user:default/p1', 'user:default/p2'];
  const timings: number[] = [];
  let affected = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const simulations = simulateLeave(
      team,
      absent,
      DEFAULT_READINESS_POLICY,
      21,
    );
    soleCovers(team, DEFAULT_READINESS_POLICY);
    timings.push(performance.now() - started);
    affected = simulations.filter(s => s.affected).length;
  }
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(RUNS / 2)];
  console.table([
    {
      services: SERVICES,
      people: PEOPLE,
      absent: absent.length,
      affected,
      medianMs: Math.round(median),
      minMs: Math.round(timings[0]),
      maxMs: Math.round(timings[RUNS - 1]),
    },
  ]);
  const out = path.resolve(
    path.dirname(require.resolve('@baton/sre-cli/package.json')),
    '../../test-results',
  );
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    path.join(out, 'bench-team-report.json'),
    JSON.stringify(
      { services: SERVICES, people: PEOPLE, timingsMs: timings },
      null,
      2,
    ),
  );
  if (median > 1000) {
    console.log('over the goal (1 s)');
    process.exitCode = 1;
  }
}

main();
