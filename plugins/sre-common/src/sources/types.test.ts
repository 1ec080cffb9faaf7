import { sourceState } from './types';

describe('sourceState', () => {
  it('tells never, ok, failing and recovered apart by the two times', () => {
    expect(sourceState({ lastSuccessAt: null, lastErrorAt: null })).toBe(
      'never',
    );
    expect(
      sourceState({ lastSuccessAt: '2026-12-01T10:00:00Z', lastErrorAt: null }),
    ).toBe('ok');
    expect(
      sourceState({ lastSuccessAt: null, lastErrorAt: '2026-12-01T10:00:00Z' }),
    ).toBe('failing');
    expect(
      sourceState({
        lastSuccessAt: '2026-12-01T10:00:00Z',
        lastErrorAt: '2026-12-01T10:05:00Z',
      }),
    ).toBe('failing');
    expect(
      sourceState({
        lastSuccessAt: '2026-12-01T10:05:00Z',
        lastErrorAt: '2026-12-01T10:00:00Z',
      }),
    ).toBe('recovered');
  });
});
