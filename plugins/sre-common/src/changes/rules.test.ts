import {
  actualPairs,
  actualReviewers,
  alertsAfterChange,
  applyDurationTrend,
  changeFindings,
  checkWorkingHours,
  DEFAULT_CHANGE_POLICY,
  isOffHours,
  summarizeChanges,
  WorkingHours,
} from './rules';
import type { ChangePerson } from './types';

const tokyo: WorkingHours = {
  timeZone: 'Asia/Tokyo',
  days: [1, 2, 3, 4, 5],
  start: '09:30',
  end: '18:00',
  holidays: ['2026-11-23'],
};

const person = (
  value: string,
  userRef: string | null = `user:default/${value}`,
): ChangePerson => ({ kind: 'github-login', value, userRef });

describe('isOffHours', () => {
  it('reads the time in the team’s own time zone', () => {
    // 00:30 UTC is 09:30 in Tokyo on a Wednesday: the first working minute.
    expect(isOffHours('2026-12-02T00:30:00Z', tokyo)).toBe(false);
    expect(isOffHours('2026-12-02T00:29:00Z', tokyo)).toBe(true);
    // 09:00 UTC is 18:00 in Tokyo: the day is over.
    expect(isOffHours('2026-12-02T08:59:00Z', tokyo)).toBe(false);
    expect(isOffHours('2026-12-02T09:00:00Z', tokyo)).toBe(true);
    // The same instant is inside UTC working hours.
    expect(
      isOffHours('2026-12-02T09:00:00Z', DEFAULT_CHANGE_POLICY.workingHours),
    ).toBe(false);
  });

  it('counts weekends and holidays as off-hours, whatever the time', () => {
    // Saturday 11:00 in Tokyo.
    expect(isOffHours('2026-12-05T02:00:00Z', tokyo)).toBe(true);
    // Monday 2026-11-23 11:00 in Tokyo, a holiday.
    expect(isOffHours('2026-11-23T02:00:00Z', tokyo)).toBe(true);
    expect(isOffHours('2026-11-24T02:00:00Z', tokyo)).toBe(false);
  });

  it('takes the local date across midnight UTC', () => {
    // Sunday 23:00 UTC is Monday 08:00 in Tokyo: a weekday, before hours.
    expect(isOffHours('2026-11-29T23:00:00Z', tokyo)).toBe(true);
    // Monday 01:00 UTC is Monday 10:00 in Tokyo.
    expect(isOffHours('2026-11-30T01:00:00Z', tokyo)).toBe(false);
  });
});

describe('checkWorkingHours', () => {
  it('names the key of a bad value', () => {
    const key = 'sre.changes.workingHours';
    expect(() =>
      checkWorkingHours({ ...tokyo, timeZone: 'Mars/Olympus' }, key),
    ).toThrow(
      "sre.changes.workingHours.timeZone: 'Mars/Olympus' is not an IANA time zone",
    );
    expect(() => checkWorkingHours({ ...tokyo, days: [0, 1] }, key)).toThrow(
      'sre.changes.workingHours.days',
    );
    expect(() => checkWorkingHours({ ...tokyo, start: '9am' }, key)).toThrow(
      "sre.changes.workingHours.start: '9am' is not a time of day (HH:MM)",
    );
    expect(() => checkWorkingHours({ ...tokyo, end: '08:00' }, key)).toThrow(
      'sre.changes.workingHours.end: must be after sre.changes.workingHours.start',
    );
    expect(() => checkWorkingHours(tokyo, key)).not.toThrow();
  });
});

describe('pairs and reviewers', () => {
  it('never counts an operator as their own pair', () => {
    const alice = person('alice');
    expect(
      actualPairs({ operators: [alice], pairs: [person('alice')] }),
    ).toEqual([]);
    expect(
      actualPairs({ operators: [alice], pairs: [person('bob')] }).map(
        p => p.value,
      ),
    ).toEqual(['bob']);
  });

  it('matches unmatched identities by kind and value, case aside', () => {
    const operator = person('Alice', null);
    expect(
      actualPairs({ operators: [operator], pairs: [person('alice', null)] }),
    ).toEqual([]);
    // A catalog match decides over the spelling.
    expect(
      actualPairs({
        operators: [
          {
            kind: 'email',
            value: 'a@example.com',
            userRef: 'user:default/alice',
          },
        ],
        pairs: [person('alice')],
      }),
    ).toEqual([]);
  });

  it('never counts the author of a procedure as its reviewer', () => {
    const change = {
      operators: [person('alice')],
      pairs: [],
      procedure: { authors: [person('alice')], reviewers: [person('alice')] },
    };
    expect(actualReviewers(change)).toEqual([]);
    change.procedure.reviewers.push(person('carol'));
    expect(actualReviewers(change).map(p => p.value)).toEqual(['carol']);
    expect(actualReviewers({ operators: [], pairs: [] })).toEqual([]);
  });
});

describe('alertsAfterChange', () => {
  const change = {
    startedAt: '2026-12-01T14:00:00Z',
    entityRefs: ['component:default/inventory-sync'],
  };
  const alert = (id: string, startsAt: string, entityRef: string) => ({
    id,
    title: `Alert ${id}`,
    startsAt,
    entityRefs: [entityRef],
  });

  it('finds alerts on the change’s entities within the window after it started', () => {
    const found = alertsAfterChange(change, [
      alert('late', '2026-12-01T16:00:01Z', 'component:default/inventory-sync'),
      alert('in', '2026-12-01T15:10:00Z', 'component:default/inventory-sync'),
      alert(
        'first',
        '2026-12-01T14:00:00Z',
        'component:default/inventory-sync',
      ),
      alert(
        'before',
        '2026-12-01T13:59:00Z',
        'component:default/inventory-sync',
      ),
      alert('other', '2026-12-01T14:30:00Z', 'component:default/checkout-api'),
    ]);
    expect(found.map(a => a.id)).toEqual(['first', 'in']);
    expect(found[0].entityRef).toBe('component:default/inventory-sync');
  });

  it('uses the policy’s window', () => {
    const alerts = [
      alert('a', '2026-12-01T14:20:00Z', 'component:default/inventory-sync'),
    ];
    expect(
      alertsAfterChange(change, alerts, { alertWindowMinutes: 10 }),
    ).toEqual([]);
    expect(
      alertsAfterChange(change, alerts, { alertWindowMinutes: 30 }),
    ).toHaveLength(1);
  });
});

describe('changeFindings', () => {
  it('flags a solo, unreviewed, off-hours change followed by an alert', () => {
    const findings = changeFindings(
      {
        operators: [person('farid')],
        pairs: [],
        startedAt: '2026-12-01T14:00:00Z', // 23:00 in Tokyo
      },
      {
        workingHours: tokyo,
        alertsAfter: [
          {
            id: '1',
            title: 'Lag',
            startsAt: '2026-12-01T14:30:00Z',
            entityRef: 'component:default/inventory-sync',
          },
        ],
      },
    );
    expect(findings).toEqual([
      'solo',
      'unreviewed-procedure',
      'off-hours',
      'followed-by-alerts',
    ]);
  });

  it('finds nothing in a paired, reviewed change in working hours', () => {
    expect(
      changeFindings(
        {
          operators: [person('aiko')],
          pairs: [person('ben')],
          procedure: { authors: [person('aiko')], reviewers: [person('ben')] },
          startedAt: '2026-12-02T02:00:00Z', // 11:00 in Tokyo
        },
        { workingHours: tokyo, alertsAfter: [] },
      ),
    ).toEqual([]);
  });
});

describe('applyDurationTrend', () => {
  const now = Date.parse('2026-12-01T00:00:00Z');
  const applies = (seconds: number[]) =>
    seconds.map((applySeconds, i) => ({
      startedAt: new Date(
        now - (seconds.length - i) * 5 * 86_400_000,
      ).toISOString(),
      applySeconds,
    }));

  it('is rising when the later half’s median is the policy’s rise above the earlier', () => {
    const trend = applyDurationTrend(
      'acme/infra',
      applies([60, 62, 58, 80, 84, 90]),
      { now },
    );
    expect(trend.earlierMedianSeconds).toBe(60);
    expect(trend.laterMedianSeconds).toBe(84);
    expect(trend.risePercent).toBe(40);
    expect(trend.rising).toBe(true);
  });

  it('is not rising below the policy’s rise, or with too few applies', () => {
    expect(
      applyDurationTrend('acme/infra', applies([60, 62, 58, 66, 70, 64]), {
        now,
      }).rising,
    ).toBe(false);
    const few = applyDurationTrend('acme/infra', applies([60, 200]), { now });
    expect(few.risePercent).toBeNull();
    expect(few.rising).toBe(false);
  });

  it('leaves out applies outside the window and those without a duration', () => {
    const trend = applyDurationTrend(
      'acme/infra',
      [
        { startedAt: '2025-01-01T00:00:00Z', applySeconds: 1 },
        { startedAt: '2026-11-20T00:00:00Z' },
        ...applies([60, 62, 58, 80, 84, 90]),
      ],
      { now },
    );
    expect(trend.applies).toHaveLength(6);
    expect(trend.rising).toBe(true);
  });
});

describe('summarizeChanges', () => {
  const change = (
    outcome: 'succeeded' | 'failed' | 'rolled-back',
    findings: Array<'solo' | 'off-hours' | 'followed-by-alerts'>,
  ) => ({ operators: [], pairs: [], outcome, findings });

  it('counts the findings and the failed and rolled-back outcomes', () => {
    const summary = summarizeChanges([
      change('succeeded', []),
      change('failed', ['solo', 'off-hours']),
      change('rolled-back', ['solo', 'followed-by-alerts']),
      change('succeeded', ['off-hours']),
    ]);
    expect(summary).toEqual({
      total: 4,
      paired: 2,
      pairedShare: 0.5,
      solo: 2,
      offHours: 2,
      unreviewed: 0,
      failed: 2,
      followedByAlerts: 1,
    });
  });

  it('has no paired share without changes', () => {
    expect(summarizeChanges([]).pairedShare).toBeNull();
  });
});
