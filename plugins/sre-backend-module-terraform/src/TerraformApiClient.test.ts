import { TerraformApiClient } from './TerraformApiClient';
import { startFakeTerraformApi } from './__testUtils__/fakeTerraformApi';
import runApplied from './__fixtures__/run-applied.json';
import unauthorized from './__fixtures__/error-unauthorized.json';
import notFound from './__fixtures__/error-not-found.json';
import rateLimited from './__fixtures__/error-rate-limited.json';

const TOKEN = 'atlasv1-secret-token-0123456789';
const RUN_PATH = '/runs/run-CZcmD7eagjhyX0vN';

describe('TerraformApiClient', () => {
  let api: Awaited<ReturnType<typeof startFakeTerraformApi>>;
  const waits: number[] = [];
  const client = () =>
    new TerraformApiClient(
      { baseUrl: `${api.baseUrl}/`, token: TOKEN },
      {
        sleep: async ms => {
          waits.push(ms);
        },
      },
    );

  beforeEach(async () => {
    waits.length = 0;
    api = await startFakeTerraformApi({});
  });
  afterEach(() => api.close());

  it('reads a JSON:API document with the bearer token and the query', async () => {
    api.answers[RUN_PATH] = { body: runApplied };
    const document = await client().get(RUN_PATH, {
      what: 'run run-CZcmD7eagjhyX0vN',
      query: { include: 'plan,apply,created_by' },
    });
    expect(Array.isArray(document.data)).toBe(false);
    expect(document.included.map(r => r.type)).toEqual([
      'plans',
      'applies',
      'users',
    ]);
    expect(api.requests).toEqual([
      {
        path: RUN_PATH,
        query: { include: 'plan,apply,created_by' },
        authorization: `Bearer ${TOKEN}`,
      },
    ]);
  });

  it.each([
    [401, unauthorized, 'HCP Terraform answered 401: unauthorized'],
    [404, notFound, 'HCP Terraform answered 404: not found'],
  ])(
    'names the status of a %s and never the token',
    async (status, body, said) => {
      // A server that echoes the token must not get it into the message either.
      api.answers[RUN_PATH] = {
        status,
        body: { errors: [{ ...body.errors[0], detail: `token ${TOKEN}` }] },
      };
      const error = await client()
        .get(RUN_PATH, { what: 'run run-CZcmD7eagjhyX0vN' })
        .catch(e => e);
      expect(error.message).toContain(
        `Cannot read run run-CZcmD7eagjhyX0vN from HCP Terraform (${api.baseUrl}): ${said}`,
      );
      expect(error.message).not.toContain(TOKEN);
      expect(error.message).toContain('***');
    },
  );

  it('tries a rate-limited request again after X-RateLimit-Reset', async () => {
    let calls = 0;
    api.answers[RUN_PATH] = () =>
      ++calls === 1
        ? {
            status: 429,
            body: rateLimited,
            headers: { 'X-RateLimit-Reset': '0.25' },
          }
        : { body: runApplied };
    const document = await client().get(RUN_PATH, { what: 'run' });
    expect(Array.isArray(document.data)).toBe(false);
    expect(calls).toBe(2);
    expect(waits).toEqual([250]);
  });

  it('gives up after three rate-limited tries, saying so', async () => {
    api.answers[RUN_PATH] = {
      status: 429,
      body: rateLimited,
      headers: { 'X-RateLimit-Reset': '1' },
    };
    await expect(client().get(RUN_PATH, { what: 'run' })).rejects.toThrow(
      "HCP Terraform answered 429: Too many requests: You have exceeded the API's rate limit. (rate limited; tried again)",
    );
    expect(api.requests).toHaveLength(3);
    expect(waits).toEqual([1000, 1000]);
  });

  it('names an unreachable API without the token', async () => {
    await api.close();
    const error = await client()
      .get(RUN_PATH, { what: 'run' })
      .catch(e => e);
    expect(error.message).toMatch(/is unreachable \(ECONNREFUSED\)/);
    expect(error.message).not.toContain(TOKEN);
    api = await startFakeTerraformApi({});
  });

  it('refuses an answer that is not a JSON:API document', async () => {
    api.answers[RUN_PATH] = { body: { data: { attributes: {} } } };
    await expect(client().get(RUN_PATH, { what: 'run' })).rejects.toThrow(
      'data is not a JSON:API resource',
    );
  });
});
