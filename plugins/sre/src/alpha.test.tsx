import { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { screen } from '@testing-library/react';
import { sreApiRef } from './api/SreApi';
import srePlugin, {
  accessReviewsPage,
  batonAdminPage,
  entityAlertHistoryCard,
  entityChangesCard,
  entityCostCard,
  entityReadyForLeaveCard,
  entityReliabilityReviewContent,
  entitySloCard,
  entityTeamBusFactorContent,
  entityTeamChangesContent,
  reliabilityReviewPage,
  sreTranslationRef,
  teamBusFactorPage,
} from './alpha';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';

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
    'changes',
    () => createExtensionTester(entityChangesCard),
    'Production changes',
  ],
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
          [
            sreApiRef,
            {
              getReadiness: () => new Promise<never>(() => {}),
              getEntityChanges: () => new Promise<never>(() => {}),
            },
          ],
        ],
      },
    );
    // The first card of a cold run loads its module lazily: allow for it.
    expect(
      await screen.findByText(title, undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });
});

describe('the sre frontend plugin', () => {
  it.each([
    'slo',
    'alert-history',
    'cost',
    'changes',
    'ready-for-leave',
  ] as const)('names the %s card for app-config', name => {
    expect(srePlugin.getExtension(`entity-card:sre/${name}`)).toMatchObject({
      kind: 'entity-card',
      namespace: 'sre',
      name,
    });
  });
});

describe('the bus-factor page and tab', () => {
  const apis = [mockApis.translation()] as const;

  it('take their titles from the translation ref', () => {
    const page = createExtensionTester(teamBusFactorPage, { apis });
    const tab = createExtensionTester(entityTeamBusFactorContent, { apis });
    expect(page.get(coreExtensionData.titleTranslation)).toEqual({
      ref: sreTranslationRef,
      key: 'team.pageTitle',
    });
    expect(tab.get(coreExtensionData.titleTranslation)).toEqual({
      ref: sreTranslationRef,
      key: 'team.tabTitle',
    });
  });
});

describe('the changes tab', () => {
  const apis = [mockApis.translation()] as const;

  it('takes its title from the translation ref and shows on Group pages only', () => {
    const tab = createExtensionTester(entityTeamChangesContent, { apis });
    expect(tab.get(coreExtensionData.titleTranslation)).toEqual({
      ref: sreTranslationRef,
      key: 'changes.team.tabTitle',
    });
    expect(tab.get(coreExtensionData.routePath)).toBe('/changes');
    const filter = tab.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter!(entityOfKind('Group'))).toBe(true);
    expect(filter!(entityOfKind('Component'))).toBe(false);
    expect(srePlugin.getExtension('entity-content:sre/changes')).toMatchObject({
      kind: 'entity-content',
      name: 'changes',
    });
  });
});

describe('the reliability-review page and tab', () => {
  const apis = [mockApis.translation()] as const;

  it('take their titles from the translation ref', () => {
    const page = createExtensionTester(reliabilityReviewPage, { apis });
    const tab = createExtensionTester(entityReliabilityReviewContent, {
      apis,
    });
    expect(page.get(coreExtensionData.titleTranslation)).toEqual({
      ref: sreTranslationRef,
      key: 'review.pageTitle',
    });
    expect(tab.get(coreExtensionData.titleTranslation)).toEqual({
      ref: sreTranslationRef,
      key: 'review.tabTitle',
    });
    expect(page.get(coreExtensionData.routePath)).toBe('/reliability-review');
    expect(tab.get(coreExtensionData.routePath)).toBe('/reliability-review');
  });

  it('puts the tab on Group pages only', () => {
    const filter = createExtensionTester(entityReliabilityReviewContent, {
      apis,
    }).get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter).toBeDefined();
    expect(filter!(entityOfKind('Group'))).toBe(true);
    expect(filter!(entityOfKind('Component'))).toBe(false);
    expect(filter!(entityOfKind('User'))).toBe(false);
  });

  it('are part of the plugin, next to the bus-factor page', () => {
    expect(srePlugin.getExtension('page:sre/reliability-review')).toMatchObject(
      { kind: 'page', name: 'reliability-review' },
    );
    expect(
      srePlugin.getExtension('entity-content:sre/reliability-review'),
    ).toMatchObject({ kind: 'entity-content', name: 'reliability-review' });
    expect(srePlugin.getExtension('page:sre')).toMatchObject({ kind: 'page' });
  });
});

describe('the access-review page', () => {
  const apis = [mockApis.translation()] as const;

  it('takes its title from the translation ref and gets a sidebar item', () => {
    const page = createExtensionTester(accessReviewsPage, { apis });
    expect(page.get(coreExtensionData.titleTranslation)).toEqual({
      ref: sreTranslationRef,
      key: 'access.pageTitle',
    });
    expect(page.get(coreExtensionData.routePath)).toBe('/access-reviews');
    expect(page.get(coreExtensionData.icon)).toBeDefined();
  });

  it('is part of the plugin', () => {
    expect(srePlugin.getExtension('page:sre/access-reviews')).toMatchObject({
      kind: 'page',
      name: 'access-reviews',
    });
  });
});

describe('the Baton admin page', () => {
  it('is the /baton page of the plugin, titled from the translation ref, with a sidebar item', () => {
    const page = createExtensionTester(batonAdminPage, {
      apis: [mockApis.translation()],
    });
    expect(page.get(coreExtensionData.titleTranslation)).toEqual({
      ref: sreTranslationRef,
      key: 'admin.pageTitle',
    });
    expect(page.get(coreExtensionData.routePath)).toBe('/baton');
    expect(page.get(coreExtensionData.icon)).toBeDefined();
    expect(srePlugin.getExtension('page:sre/admin')).toMatchObject({
      kind: 'page',
      name: 'admin',
    });
  });
});
