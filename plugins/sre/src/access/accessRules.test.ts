import { accessItem } from '../__testUtils__/accessFixtures';
import { canDecide, reviewerProgress } from './accessRules';

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
