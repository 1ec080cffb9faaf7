import {
  accessFailure,
  accessItem,
  daysAgo,
} from '../__testUtils__/accessFixtures';
import {
  actorName,
  canDecide,
  decisionFieldError,
  isStaleAccess,
  timeAgo,
} from './accessText';

describe('isStaleAccess', () => {
  const now = Date.now();
  it('counts more than 90 days unused, or never used, as the backend does', () => {
    expect(isStaleAccess(accessItem({ lastUsedAt: daysAgo(89) }), now)).toBe(
      false,
    );
    expect(isStaleAccess(accessItem({ lastUsedAt: daysAgo(91) }), now)).toBe(
      true,
    );
    expect(
      isStaleAccess(
        accessItem({ lastUsedAt: null, flags: ['never-used'] }),
        now,
      ),
    ).toBe(true);
    // A source that does not know the last use does not make it stale.
    expect(isStaleAccess(accessItem({ lastUsedAt: null }), now)).toBe(false);
  });
});

describe('canDecide', () => {
  const item = accessItem({
    userRef: 'user:default/farid',
    reviewers: ['user:default/aiko'],
  });
  it('lets a reviewer decide an open campaign’s item about someone else', () => {
    expect(canDecide(item, 'open', 'user:default/aiko')).toBe(true);
    expect(canDecide(item, 'closed', 'user:default/aiko')).toBe(false);
    expect(canDecide(item, 'open', 'user:default/daniel')).toBe(false);
    expect(canDecide(item, 'open', undefined)).toBe(false);
    expect(
      canDecide(
        { ...item, reviewers: ['user:default/farid'] },
        'open',
        'user:default/farid',
      ),
    ).toBe(false);
  });
});

describe('decisionFieldError', () => {
  it('finds the field of one decision or of one of many', async () => {
    expect(
      decisionFieldError(
        await accessFailure(
          400,
          'transferTo: no user user:default/x in the catalog',
        ),
      ),
    ).toEqual({
      field: 'transferTo',
      message: 'no user user:default/x in the catalog',
    });
    expect(
      decisionFieldError(
        await accessFailure(
          400,
          'decisions[1].comment: a transfer needs a comment',
        ),
      ),
    ).toEqual({ field: 'comment', message: 'a transfer needs a comment' });
    expect(
      decisionFieldError(await accessFailure(403, 'comment: not a field here')),
    ).toEqual({ message: 'comment: not a field here' });
  });
});

describe('timeAgo and actorName', () => {
  it('writes relative times and names', () => {
    const now = Date.parse('2026-11-25T00:00:00Z');
    expect(timeAgo('en', '2026-11-24T00:00:00Z', now)).toBe('yesterday');
    expect(timeAgo('en', '2026-09-01T00:00:00Z', now)).toBe('3 months ago');
    expect(timeAgo('en', '2023-11-01T00:00:00Z', now)).toBe('3 years ago');
    expect(actorName('user:default/aiko')).toBe('aiko');
    expect(actorName('plugin:sre')).toBe('plugin:sre');
  });
});
