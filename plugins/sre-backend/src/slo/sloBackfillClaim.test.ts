import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_SLO_POLICY } from '@baton/plugin-sre-common';
import { applyDatabaseMigrations } from '../database/migrations';
import { ScriptedSource, sloFolder, STEP } from './__testUtils__/scriptedSli';
import { SliSourceRegistry } from './SliSourceRegistry';
import { SloDefinitionReader } from './SloDefinitionReader';
import { SloService } from './SloService';
import { DatabaseSloStore } from './SloStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const ENTITY_REF = 'component:default/api';
/** One backfill: good and total for each of the file's two usable SLOs. */
const BACKFILL_QUERIES = ['good', 'good', 'total', 'total'];

describe.each(databases.eachSupportedId())(
  'SLO backfill claims on %s',
  databaseId => {
    const { component, remove } = sloFolder();
    afterAll(remove);
    const entity = component('api', { 'baton.dev/openslo': './slo.yaml' });

    async function setUp() {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const source = new ScriptedSource();
      // Slow enough that the replicas' first requests overlap.
      source.delayMs = 300;
      /** One SloService per replica, as each backend process builds its own. */
      const replica = (replicaId: string, waitMs = 15_000) => {
        const sources = new SliSourceRegistry();
        sources.addSliSource(source);
        return new SloService({
          store: DatabaseSloStore.create(knex),
          reader: new SloDefinitionReader({
            urlReader: mockServices.urlReader.mock(),
            integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
          }),
          sources,
          catalog: catalogServiceMock({ entities: [entity] }),
          auth: mockServices.auth(),
          logger: mockServices.logger.mock(),
          policy: DEFAULT_SLO_POLICY,
          stepSeconds: STEP / 1000,
          replicaId,
          backfill: { waitMs, pollMs: 20 },
        });
      };
      const claims = () => knex('sre_slo_backfill_claims').select();
      const queried = () => source.ranges.map(range => range.count).sort();
      return { knex, source, replica, claims, queried };
    }

    it('reads an unseen entity from the source once when two replicas get its first request at the same moment', async () => {
      const { knex, source, replica, claims, queried } = await setUp();
      const a = replica('replica-a');
      const b = replica('replica-b');

      const answers = await Promise.all([
        a.getSlos(ENTITY_REF),
        b.getSlos(ENTITY_REF),
        // A second request on the same replica waits for the same backfill.
        a.getSlos(ENTITY_REF),
      ]);

      // Each query once, over the whole backfill (at least the 3-day burn window).
      expect(queried()).toEqual(BACKFILL_QUERIES);
      for (const range of source.ranges) {
        expect(range.start).toBe(source.ranges[0].start);
        expect(range.end - range.start).toBeGreaterThanOrEqual(3 * 86_400_000);
      }
      const rows = await knex('sre_sli_snapshots').count({ n: '*' });
      expect(Number(rows[0].n)).toBe(2 * 864);

      for (const answer of answers) {
        expect(answer.backfilling).toBeUndefined();
        expect(answer.items.map(item => item.id)).toEqual([
          'api-availability',
          'api-slices',
        ]);
        expect(answer).toEqual(answers[0]);
      }
      expect(answers[0].items[0].counts.total).toBe(288 * 100);
      expect(answers[0].items[0].lastError).toBeNull();
      expect(await claims()).toEqual([]);

      // Seen now: later requests read stored snapshots only.
      await b.getSlos(ENTITY_REF);
      expect(source.calls).toBe(BACKFILL_QUERIES.length);
    });

    it('takes over the claim of a replica that died while backfilling', async () => {
      const { knex, replica, claims, queried } = await setUp();
      await knex('sre_slo_backfill_claims').insert({
        entity_ref: ENTITY_REF,
        owner: 'replica-killed',
        token: 'token-of-the-dead',
        claimed_at: new Date(Date.now() - 10 * 60_000),
        expires_at: new Date(Date.now() - 5 * 60_000),
      });

      const answer = await replica('replica-a').getSlos(ENTITY_REF);
      expect(answer.backfilling).toBeUndefined();
      expect(answer.items[0].counts.total).toBe(288 * 100);
      expect(queried()).toEqual(BACKFILL_QUERIES);
      expect(await claims()).toEqual([]);
    });

    it('answers that the backfill is in progress while another replica holds a live claim, and the scheduled evaluation skips the entity', async () => {
      const { knex, source, replica, claims, queried } = await setUp();
      await knex('sre_slo_backfill_claims').insert({
        entity_ref: ENTITY_REF,
        owner: 'replica-b',
        token: 'token-of-b',
        claimed_at: new Date(),
        expires_at: new Date(Date.now() + 5 * 60_000),
      });
      const a = replica('replica-a', 200);

      const started = Date.now();
      const answer = await a.getSlos(ENTITY_REF);
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      // No numbers from a partial history: nothing until the holder is done.
      expect(answer).toEqual({ items: [], problems: [], backfilling: true });
      expect(await a.refreshAll()).toEqual({
        refreshed: 0,
        failed: 0,
        skipped: 1,
      });
      expect(source.calls).toBe(0);
      expect(await claims()).toHaveLength(1);

      // Released: the next request backfills.
      await knex('sre_slo_backfill_claims').delete();
      const after = await a.getSlos(ENTITY_REF);
      expect(after.items).toHaveLength(2);
      expect(queried()).toEqual(BACKFILL_QUERIES);
    });
  },
);
