import { alertItem } from '../__testUtils__/alertFixtures';
import { acknowledgeClosed, undoUntil } from './acknowledgeWindow';

const now = Date.parse('2026-11-24T12:00:00.000Z');

describe('acknowledgeClosed', () => {
  it('keeps a firing alert open whenever it started', () => {
    expect(
      acknowledgeClosed(
        alertItem({ status: 'firing', startsAt: '2020-01-01T00:00:00.000Z' }),
        now,
      ),
    ).toBe(false);
  });

  it('closes a resolved alert 60 minutes after it ended, not before', () => {
    const resolvedAt = (endsAt: string) =>
      alertItem({ status: 'resolved', endsAt });
    expect(acknowledgeClosed(resolvedAt('2026-11-24T11:00:00.000Z'), now)).toBe(
      false,
    );
    expect(acknowledgeClosed(resolvedAt('2026-11-24T10:59:59.000Z'), now)).toBe(
      true,
    );
  });

  it('leaves the decision to the backend when a resolved alert has no end', () => {
    expect(
      acknowledgeClosed(
        alertItem({ status: 'resolved', endsAt: undefined }),
        now,
      ),
    ).toBe(false);
  });
});

describe('undoUntil', () => {
  it('ends the undo window 5 minutes after the acknowledgement was sent', () => {
    expect(new Date(undoUntil(now)).toISOString()).toBe(
      '2026-11-24T12:05:00.000Z',
    );
  });
});
