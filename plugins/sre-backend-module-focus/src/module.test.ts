import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  sreCostSourcesExtensionPoint,
  type CostBatch,
} from '@baton/plugin-sre-node';
import { sreCostSourcesExtensionPointMock } from '@baton/plugin-sre-node/testUtils';
import { FocusFileCostSource } from './FocusFileCostSource';
import { focusCostFileFormat } from './focusFormat';
import { sreModuleFocus } from './module';

type ConfigData = NonNullable<mockServices.rootConfig.Options['data']>;

async function startWith(data: ConfigData) {
  const costs = sreCostSourcesExtensionPointMock();
  const logger = mockServices.logger.mock();
  await startTestBackend({
    extensionPoints: [[sreCostSourcesExtensionPoint, costs]],
    features: [
      sreModuleFocus,
      logger.factory,
      mockServices.rootConfig.factory({ data }),
    ],
  });
  return { sources: costs.costSources, formats: costs.costFileFormats, logger };
}

describe('sreModuleFocus', () => {
  const mockDir = createMockDirectory();

  it('registers only the focus file format, and says so once, without sre.focus.paths', async () => {
    const { sources, formats, logger } = await startWith({});

    expect(formats).toEqual([focusCostFileFormat]);
    expect(sources).toEqual([]);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(/No sre\.focus\.paths configured/),
    );
  });

  it('treats an empty sre.focus.paths as not configured', async () => {
    const { sources, formats } = await startWith({
      sre: { focus: { paths: [] } },
    });

    expect(formats).toEqual([focusCostFileFormat]);
    expect(sources).toEqual([]);
  });

  it('registers the file cost source for the configured paths, which reads them', async () => {
    mockDir.setContent({
      'focus-2025-01.csv': [
        'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd',
        '1.25,1.25,USD,2025-01-01T00:00:00Z,2025-01-02T00:00:00Z',
      ].join('\n'),
    });

    const { sources, formats, logger } = await startWith({
      sre: { focus: { paths: [mockDir.path], sourceId: 'focus-aws' } },
    });

    expect(formats).toEqual([focusCostFileFormat]);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toBeInstanceOf(FocusFileCostSource);
    expect(sources[0].id).toBe('focus-aws');
    expect(logger.info).toHaveBeenCalledWith(
      `FOCUS file cost source 'focus-aws' registered for '${mockDir.path}'`,
    );
    const batches: CostBatch[] = [];
    for await (const batch of sources[0].pull({
      finalDays: new Set(),
      now: new Date(),
    })) {
      batches.push(batch);
    }
    const costs: string[] = [];
    for await (const row of batches[0].rows) {
      costs.push(row.billedCost);
    }
    expect(batches.map(batch => batch.origin)).toEqual([
      `FOCUS files in ${mockDir.path}`,
    ]);
    expect(costs).toEqual(['1.25']);
  });
});
