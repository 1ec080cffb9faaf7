import { accessFailure, accessItem } from '../__testUtils__/accessFixtures';
import {
  canDecide,
  decisionFieldError,
  reviewerProgress,
  timeAgo,
} from './accessText';

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

describe('timeAgo', () => {
  it('writes relative times', () => {
    const now = Date.parse('2026-11-25T00:00:00Z');
    expect(timeAgo('en', '2026-11-24T00:00:00Z', now)).toBe('yesterday');
    expect(timeAgo('en', '2026-09-01T00:00:00Z', now)).toBe('3 months ago');
    expect(timeAgo('en', '2023-11-01T00:00:00Z', now)).toBe('3 years ago');
  });
});

describe('reviewerProgress', () => {
  it('counts the items the reviewer decides, not the whole campaign', () => {
    const progress = {
      total: 25,
      decided: 3,
      byReviewer: [
        { userRef: 'user:default/aiko', total: 21, decided: 3 },
        { userRef: 'user:default/guest', total: 4, decided: 0 },
      ],
    };
    expect(reviewerProgress(progress, 'user:default/guest')).toEqual({
      total: 4,
      decided: 0,
      byReviewer: [{ userRef: 'user:default/guest', total: 4, decided: 0 }],
    });
    expect(reviewerProgress(progress, 'user:default/zed')).toMatchObject({
      total: 0,
      decided: 0,
    });
  });
});
