import type { DrillSource, ImportedDrill } from '@baton/plugin-sre-node';

const DAY = 86_400_000;

/** A demo drill, its time given in days before now (at 10:00 UTC that day). */
type DemoDrill = Omit<ImportedDrill, 'performedAt'> & { daysAgo: number };

/**
 * The demo's two recorded drills: a restore of orders-db in which only
 * Farid took part (so restores of it are practised by one person, and by
 * nobody while he is away), and an on-call handover of the storefront that
 * Aiko and Chihiro ran together.
 */
const DRILLS: DemoDrill[] = [
  {
    teamRef: 'group:default/fulfilment-squad',
    scenario: 'restore-from-backup',
    title: 'Restore orders-db from the Osaka copy into staging',
    entityRefs: ['resource:default/orders-db'],
    daysAgo: 47,
    participants: ['user:default/farid.haddad'],
    outcome: 'partly-succeeded',
    recoveryMinutes: 95,
    notes:
      'The restore role lacked `kms:Decrypt` on the copy’s key in Osaka; Farid granted it by hand. Only Farid knew where the runbook was.',
    recordedBy: 'user:default/farid.haddad',
  },
  {
    teamRef: 'group:default/storefront-squad',
    scenario: 'on-call-handover',
    title: 'Hand the storefront pager over mid-incident',
    entityRefs: ['component:default/storefront'],
    daysAgo: 19,
    participants: ['user:default/aiko.tanaka', 'user:default/chihiro.mori'],
    outcome: 'succeeded',
    recoveryMinutes: 25,
    notes: 'Chihiro took over from the incident channel’s summary alone.',
    recordedBy: 'user:default/aiko.tanaka',
  },
];

/** The demo's drills, dated relative to now, so that they stay recent. */
export class DemoDrillSource implements DrillSource {
  readonly id = 'demo';

  async readDrills({ now }: { now: Date }): Promise<ImportedDrill[]> {
    // Whole days before today, so that every read names the same times.
    const today = Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth(),
      now.getUTCDate(),
      10,
    );
    return DRILLS.map(({ daysAgo, ...drill }) => ({
      ...drill,
      performedAt: new Date(today - daysAgo * DAY).toISOString(),
    }));
  }
}
