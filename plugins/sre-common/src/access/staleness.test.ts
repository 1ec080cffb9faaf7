import {
  accessCommentReason,
  accessItemFlags,
  isStaleAccess,
} from './staleness';

const NOW = Date.parse('2026-12-04T09:00:00Z');
const DAY = 86_400_000;
const usedDaysAgo = (days: number, flags: string[] = []) => ({
  lastUsedAt: new Date(NOW - days * DAY).toISOString(),
  flags,
});
const neverUsed = { lastUsedAt: null, flags: ['never-used'] };
const unknownUse = { lastUsedAt: null, flags: [] };

describe('isStaleAccess', () => {
  it('counts access unused for more than the stale days, or never used', () => {
    expect(isStaleAccess(usedDaysAgo(89), NOW)).toBe(false);
    expect(isStaleAccess(usedDaysAgo(91), NOW)).toBe(true);
    expect(isStaleAccess(neverUsed, NOW)).toBe(true);
    // A source that does not know the last use does not make it stale.
    expect(isStaleAccess(unknownUse, NOW)).toBe(false);
  });

  it('takes now as a Date or as milliseconds alike', () => {
    // A key last used seven months before.
    const key = { lastUsedAt: '2026-04-30T12:00:00Z', flags: [] };
    expect(isStaleAccess(key, NOW)).toBe(true);
    expect(isStaleAccess(key, new Date(NOW))).toBe(true);
    expect(isStaleAccess(key, Date.parse('2026-06-01T00:00:00Z'))).toBe(false);
  });
});

describe('accessCommentReason', () => {
  it('asks for a comment on a transfer, and on keeping stale access', () => {
    expect(accessCommentReason('transfer', usedDaysAgo(1), NOW)).toBe(
      'transfer',
    );
    expect(accessCommentReason('keep', usedDaysAgo(210), NOW)).toBe('stale');
    expect(accessCommentReason('keep', neverUsed, NOW)).toBe('stale');
    expect(accessCommentReason('keep', usedDaysAgo(10), NOW)).toBeNull();
    // Revoking needs no reason, stale or not.
    expect(accessCommentReason('revoke', usedDaysAgo(210), NOW)).toBeNull();
  });
});

describe('accessItemFlags', () => {
  it('adds the stale flag exactly where the stale rule holds', () => {
    const items = [
      usedDaysAgo(210, ['active-access-key']),
      usedDaysAgo(3, ['active-access-key']),
      neverUsed,
      unknownUse,
    ];
    expect(items.map(item => accessItemFlags(item, NOW))).toEqual([
      ['active-access-key', 'stale'],
      ['active-access-key'],
      ['never-used', 'stale'],
      [],
    ]);
    for (const item of items) {
      expect(accessItemFlags(item, NOW).includes('stale')).toBe(
        isStaleAccess(item, NOW),
      );
    }
  });
});
