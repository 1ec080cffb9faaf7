import { sourceState } from './types';

describe('sourceState', () => {
  it('tells never, ok, failing and recovered apart by the two times', () => {
    expect(
      sourceState({ lastSuccessAt: null, lastErrorAt: null, lastCounts: null }),
    ).toBe('never');
    expect(
      sourceState({
        lastSuccessAt: '2026-12-01T10:00:00Z',
        lastErrorAt: null,
        lastCounts: { rows: 3 },
      }),
    ).toBe('ok');
    expect(
      sourceState({
        lastSuccessAt: null,
        lastErrorAt: '2026-12-01T10:00:00Z',
        lastCounts: null,
      }),
    ).toBe('failing');
    expect(
      sourceState({
        lastSuccessAt: '2026-12-01T10:00:00Z',
        lastErrorAt: '2026-12-01T10:05:00Z',
        lastCounts: { entities: 3 },
      }),
    ).toBe('failing');
    expect(
      sourceState({
        lastSuccessAt: '2026-12-01T10:05:00Z',
        lastErrorAt: '2026-12-01T10:00:00Z',
        lastCounts: { entities: 3, failed: 0 },
      }),
    ).toBe('recovered');
  });

  it('calls a finished run that reported failures partial, whatever came before', () => {
    for (const lastErrorAt of [null, '2026-12-01T09:00:00Z']) {
      expect(
        sourceState({
          lastSuccessAt: '2026-12-01T10:00:00Z',
          lastErrorAt,
          lastCounts: { entities: 10, failed: 2 },
        }),
      ).toBe('partial');
    }
  });
});
