import type { AlertPoller, CostFileFormat, CostSource, SliSource } from '..';
import {
  sreAlertPollersExtensionPointMock,
  sreCostSourcesExtensionPointMock,
  sreSliSourcesExtensionPointMock,
} from './extensionPointMocks';

describe('extension point mocks', () => {
  it('keep what was added, in order, across calls', () => {
    const sli = sreSliSourcesExtensionPointMock();
    const [a, b, c] = ['A', 'B', 'C'].map(type => ({ type } as SliSource));
    sli.addSliSource(a, b);
    sli.addSliSource(c);
    expect(sli.sliSources).toEqual([a, b, c]);

    const pollers = sreAlertPollersExtensionPointMock();
    expect(pollers.alertPollers).toEqual([]);
    pollers.addAlertPoller({ id: 'p' } as AlertPoller);
    expect(pollers.alertPollers.map(p => p.id)).toEqual(['p']);
  });

  it('keep cost sources and file formats apart, and each mock its own', () => {
    const first = sreCostSourcesExtensionPointMock();
    const second = sreCostSourcesExtensionPointMock();
    first.addCostSource({ id: 'billing' } as CostSource);
    first.addCostFileFormat({ id: 'focus' } as CostFileFormat);
    expect(first.costSources.map(s => s.id)).toEqual(['billing']);
    expect(first.costFileFormats.map(f => f.id)).toEqual(['focus']);
    expect(second.costSources).toEqual([]);
    expect(second.costFileFormats).toEqual([]);
  });
});
