import { parseEntityRef } from '@backstage/catalog-model';
import type { ReadinessReport } from '@baton/plugin-sre-common';
import sreModuleDemo from '@baton/plugin-sre-backend-module-demo';
import type { Knex } from 'knex';
import request from 'supertest';
import { demoCatalog } from './demoCatalog';
import { startSreTestBackend } from './sreTestBackend';

/** Every scheduled pull that feeds the demo's cards and checks. */
export const DEMO_PULL_TASKS = [
  'sre-knowledge-refresh',
  'sre-slo-evaluation',
  'sre-alert-poll',
  'sre-cost-pull',
  'sre-change-pull',
  'sre-backup-pull',
  'sre-drill-import',
];

/** The sre backend on the demo catalog with the demo module (sre.demo: true), and readers that expect 200. */
export async function startDemoBackend(knex: Knex) {
  const { server, scheduler } = await startSreTestBackend({
    knex,
    config: { sre: { demo: true } },
    entities: demoCatalog(),
    features: [sreModuleDemo],
  });
  /** GET /api/sre{url}: its body. */
  const get = async (url: string) => {
    const response = await request(server).get(`/api/sre${url}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  /** An entity's readiness report. */
  const readiness = async (ref: string): Promise<ReadinessReport> => {
    const { kind, namespace, name } = parseEntityRef(ref);
    return get(`/entities/${kind}/${namespace}/${name}/readiness`);
  };
  return { server, scheduler, get, readiness };
}
