import { accessFailure } from '../__testUtils__/accessFixtures';
import { decisionFieldError } from './decisionFieldError';

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
