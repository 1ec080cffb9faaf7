import { timeAgo } from './accessText';

describe('timeAgo', () => {
  it('writes relative times', () => {
    const now = Date.parse('2026-11-25T00:00:00Z');
    expect(timeAgo('en', '2026-11-24T00:00:00Z', now)).toBe('yesterday');
    expect(timeAgo('en', '2026-09-01T00:00:00Z', now)).toBe('3 months ago');
    expect(timeAgo('en', '2023-11-01T00:00:00Z', now)).toBe('3 years ago');
  });
});
