import { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { sreApiRef } from './api/SreApi';
import srePlugin, {
  entityAlertHistoryCard,
  entityCostCard,
  entityReadyForLeaveCard,
  entitySloCard,
} from './alpha';

const entityOfKind = (kind: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'storefront' },
});

describe.each([
  [
    'slo',
    () => createExtensionTester(entitySloCard),
    'Service level objectives',
  ],
  [
    'alert-history',
    () => createExtensionTester(entityAlertHistoryCard),
    'Alert history',
  ],
  ['cost', () => createExtensionTester(entityCostCard), 'Cost'],
  [
    'ready-for-leave',
    () => createExtensionTester(entityReadyForLeaveCard),
    'Ready for leave',
  ],
])('the %s entity card extension', (_name, tester, title) => {
  it('shows on components, systems and resources only', () => {
    const filter = tester().get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter).toBeDefined();
    expect(filter!(entityOfKind('Component'))).toBe(true);
    expect(filter!(entityOfKind('System'))).toBe(true);
    expect(filter!(entityOfKind('Resource'))).toBe(true);
    expect(filter!(entityOfKind('Group'))).toBe(false);
    expect(filter!(entityOfKind('User'))).toBe(false);
  });

  it('renders its card', async () => {
    const element = tester().reactElement();
    await renderInTestApp(
      <EntityProvider entity={entityOfKind('Component')}>
        {element}
      </EntityProvider>,
      // Cards that fetch stay loading: this test is about the extension, not the data.
      {
        apis: [
          [sreApiRef, { getReadiness: () => new Promise<never>(() => {}) }],
        ],
      },
    );
    expect(await screen.findByText(title)).toBeInTheDocument();
  });
});

describe('the sre frontend plugin', () => {
  it.each(['slo', 'alert-history', 'cost', 'ready-for-leave'] as const)(
    'names the %s card for app-config',
    name => {
      expect(srePlugin.getExtension(`entity-card:sre/${name}`)).toMatchObject({
        kind: 'entity-card',
        namespace: 'sre',
        name,
      });
    },
  );
});
