import { DemoDrillSource } from './DemoDrillSource';

describe('DemoDrillSource', () => {
  it('dates its drills in whole days before now, the same on every read of a day', async () => {
    const source = new DemoDrillSource();
    const morning = await source.readDrills({
      now: new Date('2026-12-04T01:00:00Z'),
    });
    const evening = await source.readDrills({
      now: new Date('2026-12-04T23:00:00Z'),
    });
    expect(evening).toEqual(morning);
    expect(morning.map(drill => drill.performedAt)).toEqual([
      '2026-10-18T10:00:00.000Z',
      '2026-11-15T10:00:00.000Z',
    ]);
  });

  it('has Farid alone in the restore of orders-db, and two people in the other drill', async () => {
    const [restore, handover] = await new DemoDrillSource().readDrills({
      now: new Date('2026-12-04T12:00:00Z'),
    });
    expect(restore).toMatchObject({
      scenario: 'restore-from-backup',
      entityRefs: ['resource:default/orders-db'],
      participants: ['user:default/farid.haddad'],
    });
    expect(handover.scenario).not.toBe('restore-from-backup');
    expect(handover.participants).toHaveLength(2);
  });
});
