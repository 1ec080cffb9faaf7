import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startSreTestBackend } from './__testUtils__/sreTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('sre backend plugin on %s', id => {
  async function startBackend() {
    const knex = await databases.init(id);
    const { server } = await startSreTestBackend({
      knex,
    });
    return { server, knex };
  }

  it('answers /health without credentials', async () => {
    const { server } = await startBackend();
    const res = await request(server).get('/api/sre/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('refuses every other route without credentials', async () => {
    const { server } = await startBackend();
    const res = await request(server)
      .get('/api/sre/entities/component/default/storefront/slos')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('lets an authenticated user past the auth policy', async () => {
    const { server } = await startBackend();
    const res = await request(server)
      .get('/api/sre/no-such-route')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
  });

  it('creates its tables on start', async () => {
    const { knex } = await startBackend();
    expect(await knex.schema.hasTable('sre_alert_events')).toBe(true);
  });
});
