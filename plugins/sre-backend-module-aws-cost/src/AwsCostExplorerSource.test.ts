import {
  CostExplorerClient,
  CostExplorerServiceException,
  DataUnavailableException,
  GetCostAndUsageCommand,
  type GetCostAndUsageCommandOutput,
} from '@aws-sdk/client-cost-explorer';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { CostBatch, CostRow } from '@baton/plugin-sre-node';
import { mockClient } from 'aws-sdk-client-mock';
import { AwsCostExplorerSource } from './AwsCostExplorerSource';
// Shaped as the GetCostAndUsage response in the AWS Cost Explorer API
// reference and the AWS CLI's documented example (aws ce get-cost-and-usage
// with --group-by DIMENSION SERVICE and TAG Environment): GroupDefinitions,
// ResultsByTime[] of TimePeriod {Start, End}, Total (`{}` when grouped),
// Groups[] of Keys (in GroupBy order, a tag as `<key>$<value>`, `<key>$` when
// untagged) and Metrics {<metric>: {Amount, Unit}}, Estimated;
// NextPageToken while more pages follow; DimensionValueAttributes. Amounts,
// services and tag values are illustrative.
import page1 from './__fixtures__/get-cost-and-usage-page1.json';
import page2 from './__fixtures__/get-cost-and-usage-page2.json';
import totalOnly from './__fixtures__/get-cost-and-usage-total-only.json';

const ce = mockClient(CostExplorerClient);

beforeEach(() => {
  ce.reset();
});

afterAll(() => {
  ce.restore();
});

const NOW = new Date('2026-11-25T09:30:00Z');
const NONE = new Set<string>();
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const answer = (fixture: object) =>
  fixture as unknown as GetCostAndUsageCommandOutput;

/** A real answer for a range, with no cost in it. */
const empty = answer({
  GroupDefinitions: page2.GroupDefinitions,
  ResultsByTime: [],
  DimensionValueAttributes: [],
});

function source(
  options: { lookbackDays?: number; tagKey?: string; id?: string } = {},
) {
  return new AwsCostExplorerSource({
    client: new CostExplorerClient({ region: 'us-east-1' }),
    ...options,
  });
}

/** Every batch of a pull, with its rows read. */
async function pullAll(
  costSource: AwsCostExplorerSource,
  finalDays: ReadonlySet<string> = NONE,
) {
  const batches: Array<Omit<CostBatch, 'rows'> & { rows: CostRow[] }> = [];
  for await (const batch of costSource.pull({ finalDays, now: NOW })) {
    const rows: CostRow[] = [];
    for await (const row of batch.rows) {
      rows.push(row);
    }
    batches.push({ ...batch, rows });
  }
  return batches;
}

const sentInputs = () =>
  ce.commandCalls(GetCostAndUsageCommand).map(call => call.args[0].input);

const sentPeriods = () => sentInputs().map(input => input.TimePeriod);

/** The UTC days from `first` to `last`, both included. */
function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = day(first).getTime(); t <= day(last).getTime(); t += 86400000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

describe('AwsCostExplorerSource', () => {
  it('asks for the whole lookback, today included, in one request when no day is final', async () => {
    ce.on(GetCostAndUsageCommand).resolves(empty);

    const batches = await pullAll(source());

    expect(sentInputs()).toEqual([
      {
        TimePeriod: { Start: '2026-08-27', End: '2026-11-26' },
        Granularity: 'DAILY',
        Metrics: ['UnblendedCost', 'AmortizedCost'],
        GroupBy: [
          { Type: 'TAG', Key: 'service' },
          { Type: 'DIMENSION', Key: 'SERVICE' },
        ],
      },
    ]);
    expect(batches).toEqual([
      {
        period: { start: day('2026-08-27'), end: day('2026-11-26') },
        origin: 'GetCostAndUsage 2026-08-27..2026-11-26',
        rows: [],
      },
    ]);
  });

  it('groups by the configured cost allocation tag', async () => {
    ce.on(GetCostAndUsageCommand).resolves(empty);

    await pullAll(source({ tagKey: 'team', lookbackDays: 1, id: 'aws-prod' }));

    expect(sentInputs()).toEqual([
      expect.objectContaining({
        TimePeriod: { Start: '2026-11-24', End: '2026-11-26' },
        GroupBy: [
          { Type: 'TAG', Key: 'team' },
          { Type: 'DIMENSION', Key: 'SERVICE' },
        ],
      }),
    ]);
  });

  it('follows NextPageToken and maps every group, untagged and estimated ones included, into one batch', async () => {
    ce.on(GetCostAndUsageCommand)
      .resolvesOnce(answer(page1))
      .resolvesOnce(answer(page2));

    const batches = await pullAll(source({ lookbackDays: 2 }));

    const inputs = sentInputs();
    expect(inputs).toHaveLength(2);
    expect(inputs[0]).not.toHaveProperty('NextPageToken');
    expect(inputs[1]).toEqual({
      ...inputs[0],
      NextPageToken: 'AQICAHh3Yk9rZXZlcnNpb24tcGFnZS0xLXRva2Vu',
    });
    expect(sentPeriods()).toEqual([
      { Start: '2026-11-23', End: '2026-11-26' },
      { Start: '2026-11-23', End: '2026-11-26' },
    ]);
    expect(batches).toHaveLength(1);
    expect(batches[0].period).toEqual({
      start: day('2026-11-23'),
      end: day('2026-11-26'),
    });
    expect(batches[0].origin).toBe('GetCostAndUsage 2026-11-23..2026-11-26');
    const on = (start: string, end: string, estimated: boolean) => ({
      chargePeriodStart: day(start),
      chargePeriodEnd: day(end),
      estimated,
      billingCurrency: 'USD',
    });
    expect(batches[0].rows).toEqual([
      {
        ...on('2026-11-23', '2026-11-24', false),
        billedCost: '1.9214620537',
        effectiveCost: '1.9214620537',
        serviceName: 'Amazon Simple Storage Service',
        tags: {},
      },
      {
        ...on('2026-11-23', '2026-11-24', false),
        billedCost: '18.432',
        effectiveCost: '31.6824',
        serviceName: 'Amazon Elastic Compute Cloud - Compute',
        tags: { service: 'checkout-api' },
      },
      {
        ...on('2026-11-23', '2026-11-24', false),
        billedCost: '0',
        effectiveCost: '0',
        serviceName: 'Amazon Relational Database Service',
        tags: { service: 'checkout-api' },
      },
      {
        ...on('2026-11-24', '2026-11-25', true),
        billedCost: '3.52',
        effectiveCost: '3.52',
        serviceName: 'Tax',
        tags: {},
      },
      {
        ...on('2026-11-24', '2026-11-25', true),
        billedCost: '12.0961111111',
        effectiveCost: '12.0961111111',
        serviceName: 'Amazon OpenSearch Service',
        tags: { service: 'search' },
      },
      {
        ...on('2026-11-25', '2026-11-26', true),
        billedCost: '4.0320370370',
        effectiveCost: '4.0320370370',
        serviceName: 'Amazon OpenSearch Service',
        tags: { service: 'search' },
      },
    ]);
  });

  it('does not request final days: final days in the middle leave two ranges', async () => {
    ce.on(GetCostAndUsageCommand).resolves(empty);
    const finalDays = new Set(days('2026-09-01', '2026-11-20'));

    const batches = await pullAll(source(), finalDays);

    expect(sentPeriods()).toEqual([
      { Start: '2026-08-27', End: '2026-09-01' },
      { Start: '2026-11-21', End: '2026-11-26' },
    ]);
    expect(batches.map(({ period, origin }) => ({ period, origin }))).toEqual([
      {
        period: { start: day('2026-08-27'), end: day('2026-09-01') },
        origin: 'GetCostAndUsage 2026-08-27..2026-09-01',
      },
      {
        period: { start: day('2026-11-21'), end: day('2026-11-26') },
        origin: 'GetCostAndUsage 2026-11-21..2026-11-26',
      },
    ]);
  });

  it('asks only for the recent days once the older ones are final, and ignores final days outside the lookback', async () => {
    ce.on(GetCostAndUsageCommand).resolves(empty);
    const finalDays = new Set([
      ...days('2026-01-01', '2026-11-22'),
      '2026-11-24',
    ]);

    await pullAll(source(), finalDays);

    expect(sentPeriods()).toEqual([
      { Start: '2026-11-23', End: '2026-11-24' },
      { Start: '2026-11-25', End: '2026-11-26' },
    ]);
  });

  it('sends no request when every day of the lookback is final', async () => {
    ce.on(GetCostAndUsageCommand).resolves(empty);

    const batches = await pullAll(
      source({ lookbackDays: 3 }),
      new Set(days('2026-11-22', '2026-11-25')),
    );

    expect(ce.commandCalls(GetCostAndUsageCommand)).toHaveLength(0);
    expect(batches).toEqual([]);
  });

  it('turns a non-zero Total of a day without groups into one untagged row, and a zero or empty Total into none', async () => {
    ce.on(GetCostAndUsageCommand).resolves(answer(totalOnly));

    const batches = await pullAll(source({ lookbackDays: 2 }));

    expect(batches[0].rows).toEqual([
      {
        chargePeriodStart: day('2026-11-23'),
        chargePeriodEnd: day('2026-11-24'),
        billedCost: '0.45',
        effectiveCost: '0.4500000000',
        billingCurrency: 'USD',
        estimated: false,
        tags: {},
      },
    ]);
    expect(batches[0].rows[0]).not.toHaveProperty('serviceName');
  });

  it('counts a day whose answer does not say Estimated as estimated', async () => {
    const [result] = page1.ResultsByTime;
    const { Estimated: _omitted, ...withoutFlag } = result;
    ce.on(GetCostAndUsageCommand).resolves(
      answer({ ...empty, ResultsByTime: [withoutFlag] }),
    );

    const batches = await pullAll(source({ lookbackDays: 2 }));

    expect(batches[0].rows.map(row => row.estimated)).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('throws with the AWS error name and message when a request fails', async () => {
    ce.on(GetCostAndUsageCommand).rejects(
      new DataUnavailableException({
        message: 'Data is not available. Please try to adjust the time period.',
        $metadata: { httpStatusCode: 400, requestId: 'a1b2c3d4-req' },
      }),
    );

    const pulling = pullAll(source({ lookbackDays: 2 }));

    await expect(pulling).rejects.toThrow(
      'AWS Cost Explorer GetCostAndUsage 2026-11-23..2026-11-26 failed: DataUnavailableException: Data is not available. Please try to adjust the time period. (request id a1b2c3d4-req)',
    );
    await expect(pulling).rejects.toHaveProperty(
      'name',
      'DataUnavailableException',
    );
  });

  it('hands over the batches of the ranges read before a failing one, and none of the failing range', async () => {
    ce.on(GetCostAndUsageCommand)
      .resolvesOnce(empty)
      .rejectsOnce(
        new CostExplorerServiceException({
          name: 'AccessDeniedException',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
          message:
            'User: arn:aws:iam::123456789012:user/baton is not authorized to perform: ce:GetCostAndUsage',
        }),
      );
    const handedOver: string[] = [];

    const pulling = (async () => {
      for await (const batch of source({ lookbackDays: 4 }).pull({
        finalDays: new Set(['2026-11-23']),
        now: NOW,
      })) {
        handedOver.push(batch.origin);
      }
    })();

    await expect(pulling).rejects.toThrow(
      /GetCostAndUsage 2026-11-24\.\.2026-11-26 failed: AccessDeniedException: User: .* is not authorized to perform: ce:GetCostAndUsage/,
    );
    expect(handedOver).toEqual(['GetCostAndUsage 2026-11-21..2026-11-23']);
  });

  it('stops paging when AWS repeats a NextPageToken, instead of paying for a loop', async () => {
    ce.on(GetCostAndUsageCommand).resolves(answer(page1));

    await expect(pullAll(source({ lookbackDays: 2 }))).rejects.toThrow(
      /returned a NextPageToken it had already returned/,
    );
    expect(ce.commandCalls(GetCostAndUsageCommand)).toHaveLength(2);
  });

  it('fails on a group that is not keyed by the requested tag', async () => {
    ce.on(GetCostAndUsageCommand).resolves(answer(page2));

    await expect(
      pullAll(source({ lookbackDays: 2, tagKey: 'team' })),
    ).rejects.toThrow(
      "GetCostAndUsage answered a group of 2026-11-24..2026-11-25 keyed 'service$', not 'team$<value>'",
    );
  });

  describe('fromConfig', () => {
    const savedEnv = { ...process.env };

    afterEach(() => {
      process.env = { ...savedEnv };
    });

    /** The client the source sent its first request with. */
    async function clientOf(awsCost: object) {
      ce.on(GetCostAndUsageCommand).resolves(empty);
      const costSource = AwsCostExplorerSource.fromConfig(
        new ConfigReader({ sre: { awsCost } }),
      );
      await pullAll(costSource, new Set(days('2026-08-27', '2026-11-24')));
      return {
        costSource,
        client: ce.call(0).thisValue as CostExplorerClient,
      };
    }

    it('signs with the configured credentials', async () => {
      process.env.AWS_ACCESS_KEY_ID = 'AKIAENVIRONMENTKEY';
      process.env.AWS_SECRET_ACCESS_KEY = 'environment-secret';

      const { client } = await clientOf({
        credentials: {
          accessKeyId: 'AKIACONFIGUREDKEY',
          secretAccessKey: 'configured-secret',
          sessionToken: 'configured-session-token',
        },
      });

      await expect(client.config.credentials()).resolves.toEqual(
        expect.objectContaining({
          accessKeyId: 'AKIACONFIGUREDKEY',
          secretAccessKey: 'configured-secret',
          sessionToken: 'configured-session-token',
        }),
      );
    });

    it("uses the AWS SDK's default credential chain without credentials", async () => {
      // The environment is the chain's first link; the source passes nothing.
      process.env.AWS_ACCESS_KEY_ID = 'AKIAENVIRONMENTKEY';
      process.env.AWS_SECRET_ACCESS_KEY = 'environment-secret';
      delete process.env.AWS_SESSION_TOKEN;

      const { client, costSource } = await clientOf({});

      const credentials = await client.config.credentials();
      expect(credentials).toEqual(
        expect.objectContaining({
          accessKeyId: 'AKIAENVIRONMENTKEY',
          secretAccessKey: 'environment-secret',
          $source: expect.objectContaining({
            CREDENTIALS_ENV_VARS: expect.anything(),
          }),
        }),
      );
      expect(credentials).not.toHaveProperty('$source.CREDENTIALS_CODE');
      expect(costSource.id).toBe('aws-cost');
      await expect(client.config.region()).resolves.toBe('us-east-1');
    });

    it('calls the configured region and uses the configured id, tag and lookback', async () => {
      const { client, costSource } = await clientOf({
        region: 'cn-northwest-1',
        sourceId: 'aws-china',
        tagKey: 'team',
        lookbackDays: 100,
      });

      await expect(client.config.region()).resolves.toBe('cn-northwest-1');
      expect(costSource.id).toBe('aws-china');
      expect(sentPeriods()).toEqual([
        { Start: '2026-08-17', End: '2026-08-27' },
        { Start: '2026-11-25', End: '2026-11-26' },
      ]);
      expect(sentInputs()[0].GroupBy).toEqual([
        { Type: 'TAG', Key: 'team' },
        { Type: 'DIMENSION', Key: 'SERVICE' },
      ]);
    });

    it('keeps credentials out of error messages and logs', async () => {
      ce.on(GetCostAndUsageCommand).rejects(
        new CostExplorerServiceException({
          name: 'UnrecognizedClientException',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
          message: 'The security token included in the request is invalid.',
        }),
      );
      const logger = mockServices.logger.mock();
      const costSource = AwsCostExplorerSource.fromConfig(
        new ConfigReader({
          sre: {
            awsCost: {
              credentials: {
                accessKeyId: 'AKIASECRETKEYID',
                secretAccessKey: 'very-secret-access-key',
              },
            },
          },
        }),
        { logger },
      );

      const error = await pullAll(costSource).then(
        () => undefined,
        (e: Error) => e,
      );

      expect(error?.message).toMatch(
        /failed: UnrecognizedClientException: The security token included in the request is invalid\./,
      );
      const said = JSON.stringify([
        error?.message,
        error?.stack,
        ...[logger.info, logger.debug, logger.warn, logger.error].flatMap(
          fn => (fn as jest.Mock).mock.calls,
        ),
      ]);
      expect(said).not.toContain('very-secret-access-key');
      expect(said).not.toContain('AKIASECRETKEYID');
    });

    it('fails when sre.awsCost is absent', () => {
      expect(() =>
        AwsCostExplorerSource.fromConfig(new ConfigReader({})),
      ).toThrow('sre.awsCost is not configured');
    });
  });
});
