import {
  alertsAfterChange,
  applyDurationTrend,
  ChangeInput,
  changeFindings,
  ChangePerson,
  WorkingHours,
} from '@baton/plugin-sre-common';
import { DemoAlertPoller } from '../alerts/DemoAlertPoller';
import { DEMO_RDS_STEP } from '../DemoCostSource';
import { DemoChangeSource } from './DemoChangeSource';

// A Tuesday afternoon in Tokyo, and the Hanamori working hours of app-config.yaml.
const NOW = Date.parse('2026-12-01T06:00:00Z');
const TOKYO: WorkingHours = {
  timeZone: 'Asia/Tokyo',
  days: [1, 2, 3, 4, 5],
  start: '09:30',
  end: '18:30',
};

const asPeople = (change: ChangeInput) => {
  const matched = (list: ChangeInput['operators']): ChangePerson[] =>
    list.map(identity => ({ ...identity, userRef: null }));
  return {
    operators: matched(change.operators),
    pairs: matched(change.pairs),
    procedure: change.procedure && {
      url: change.procedure.url,
      authors: matched(change.procedure.authors),
      reviewers: matched(change.procedure.reviewers),
    },
  };
};

async function demoChanges(now = NOW): Promise<ChangeInput[]> {
  const changes: ChangeInput[] = [];
  for await (const change of new DemoChangeSource(now).pull()) {
    changes.push(change);
  }
  return changes;
}

/** The demo alerts as the mapping by `service` label stores them. */
async function demoAlerts(now = NOW) {
  const events = await new DemoAlertPoller(now).poll();
  // A resolved alert's event repeats its start: one per alert.
  return events
    .filter(event => event.status === 'firing')
    .map(event => ({
      id: event.sourceKey,
      title: event.title,
      startsAt: event.startsAt,
      entityRefs: event.labels.service
        ? [`component:default/${event.labels.service}`]
        : [],
    }));
}

describe('DemoChangeSource', () => {
  it('has inventory-sync’s solo late-night apply, followed by the sync’s stall', async () => {
    const changes = await demoChanges();
    const late = changes.find(c => c.externalId === 'tfc-run-inventory-late')!;
    // 23:40 in Tokyo, four nights before.
    expect(late.startedAt).toBe('2026-11-27T14:40:00.000Z');
    const alertsAfter = alertsAfterChange(late, await demoAlerts());
    expect(alertsAfter.map(a => a.title)).toEqual([
      'Inventory sync stalled (inventory)',
    ]);
    expect(
      changeFindings(
        { ...asPeople(late), startedAt: late.startedAt },
        { workingHours: TOKYO, alertsAfter },
      ),
    ).toEqual([
      'solo',
      'unreviewed-procedure',
      'off-hours',
      'followed-by-alerts',
    ]);
  });

  it('has checkout-api’s database upsizing on the day of the cost step, paired and reviewed, in working hours', async () => {
    const changes = await demoChanges();
    const upsize = changes.find(
      c => c.externalId === 'tfc-run-orders-db-upsize',
    )!;
    const daysAgo = Math.round(
      (NOW - Date.parse(upsize.startedAt)) / 86_400_000,
    );
    expect(daysAgo).toBe(DEMO_RDS_STEP.daysAgo);
    expect(
      changeFindings(
        { ...asPeople(upsize), startedAt: upsize.startedAt },
        { workingHours: TOKYO, alertsAfter: [] },
      ),
    ).toEqual([]);
  });

  it('has the platform workspace’s applies getting slower', async () => {
    const changes = await demoChanges();
    const trend = applyDurationTrend(
      'hanamori/platform',
      changes
        .filter(c => c.terraform?.workspace === 'hanamori/platform')
        .map(c => ({
          startedAt: c.startedAt,
          applySeconds: c.terraform?.applySeconds,
        })),
      { now: NOW },
    );
    expect(trend.applies).toHaveLength(10);
    expect(trend.rising).toBe(true);
    expect(trend.risePercent).toBeGreaterThan(50);
  });

  it('hands over nothing that starts after now, and each change once', async () => {
    const changes = await demoChanges();
    expect(changes.every(c => Date.parse(c.startedAt) <= NOW)).toBe(true);
    expect(new Set(changes.map(c => c.externalId)).size).toBe(changes.length);
  });
});
