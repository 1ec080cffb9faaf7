import type { Entity } from '@backstage/catalog-model';
import type { ReadinessFacts } from '@baton/plugin-sre-common';
import { evidenceResourcesOf } from '../catalog/dependencies';
import {
  backupsThroughResources,
  drillsThroughResources,
} from './resourceEvidence';

type Resource = NonNullable<ReadinessFacts['backups']>['resources'][number];
type Drill = NonNullable<ReadinessFacts['drills']>[number];

const ORDERS_DB = 'resource:default/orders-db';
const LEDGER_DB = 'resource:default/ledger-db';

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
});
const resource = (name: string): Resource => ({
  name,
  crossRegionCopyAt: '2026-12-01T00:00:00.000Z',
  crossAccountCopyAt: null,
  failedCopyAt: null,
  lastRestore: null,
});
const drill = (
  scenario: Drill['scenario'],
  performedAt: string,
  participants: string[],
  id?: string,
): Drill => ({
  scenario,
  performedAt,
  participants,
  outcome: 'succeeded',
  ...(id ? { id } : {}),
});

describe('evidenceResourcesOf', () => {
  const dependencies = [
    { ref: ORDERS_DB, entity: entity('Resource', 'orders-db') },
    { ref: 'component:default/web', entity: entity('Component', 'web') },
  ];

  it('gives a Component the Resources it depends on, not the Components', () => {
    expect(
      evidenceResourcesOf(entity('Component', 'orders-api'), dependencies),
    ).toEqual([dependencies[0]]);
  });

  it('gives a Resource or a System nothing through what it depends on', () => {
    expect(
      evidenceResourcesOf(entity('Resource', 'replica-db'), dependencies),
    ).toEqual([]);
    expect(evidenceResourcesOf(entity('System', 'shop'), dependencies)).toEqual(
      [],
    );
  });
});

describe('backupsThroughResources', () => {
  it('adds the Resources’ protected resources after the entity’s own, each naming its Resource', () => {
    const own = { resources: [resource('sessions')] };
    expect(
      backupsThroughResources(own, [
        { ref: ORDERS_DB, facts: { resources: [resource('orders-db')] } },
        { ref: LEDGER_DB, facts: { resources: [resource('ledger')] } },
      ]),
    ).toEqual({
      resources: [
        resource('sessions'),
        { ...resource('orders-db'), viaEntityRef: ORDERS_DB },
        { ...resource('ledger'), viaEntityRef: LEDGER_DB },
      ],
    });
  });

  it('keeps a resource mapped to the entity itself as its own, and names a shared one once', () => {
    const own = { resources: [resource('orders-db')] };
    const result = backupsThroughResources(own, [
      { ref: ORDERS_DB, facts: { resources: [resource('orders-db')] } },
      {
        ref: LEDGER_DB,
        facts: { resources: [resource('shared'), resource('orders-db')] },
      },
      {
        ref: 'resource:default/replica',
        facts: { resources: [resource('shared')] },
      },
    ]);
    expect(result?.resources).toEqual([
      resource('orders-db'),
      { ...resource('shared'), viaEntityRef: LEDGER_DB },
    ]);
  });

  it('leaves the facts as they are before any backup source has pulled, or without dependencies', () => {
    expect(
      backupsThroughResources(undefined, [
        { ref: ORDERS_DB, facts: undefined },
      ]),
    ).toBeUndefined();
    const own = { resources: [] };
    expect(backupsThroughResources(own, [])).toBe(own);
  });
});

describe('drillsThroughResources', () => {
  it('adds the Resources’ restore drills, newest first, each naming its Resource', () => {
    const own = [drill('on-call-handover', '2026-11-20T10:00:00.000Z', ['a'])];
    const result = drillsThroughResources(own, [
      {
        ref: ORDERS_DB,
        facts: [
          // The database's failover is its own drill, not the service's.
          drill('region-failover', '2026-12-01T10:00:00.000Z', ['c']),
          drill('restore-from-backup', '2026-11-25T10:00:00.000Z', ['a', 'b']),
          drill('restore-from-backup', '2026-10-01T10:00:00.000Z', ['b']),
        ],
      },
    ]);
    expect(result).toEqual([
      {
        ...drill('restore-from-backup', '2026-11-25T10:00:00.000Z', ['a', 'b']),
        viaEntityRef: ORDERS_DB,
      },
      drill('on-call-handover', '2026-11-20T10:00:00.000Z', ['a']),
      {
        ...drill('restore-from-backup', '2026-10-01T10:00:00.000Z', ['b']),
        viaEntityRef: ORDERS_DB,
      },
    ]);
  });

  it('counts a drill recorded on the service and its database once, as the service’s own', () => {
    const both = drill(
      'restore-from-backup',
      '2026-11-25T10:00:00.000Z',
      ['a'],
      'd1',
    );
    const other = drill(
      'restore-from-backup',
      '2026-11-25T10:00:00.000Z',
      ['a'],
      'd2',
    );
    expect(
      drillsThroughResources(
        [both],
        [
          { ref: ORDERS_DB, facts: [both, other] },
          { ref: LEDGER_DB, facts: [other] },
        ],
      ),
    ).toEqual([both, { ...other, viaEntityRef: ORDERS_DB }]);
  });

  it('leaves the facts undefined when drills are not read', () => {
    expect(
      drillsThroughResources(undefined, [{ ref: ORDERS_DB, facts: [] }]),
    ).toBeUndefined();
  });
});
