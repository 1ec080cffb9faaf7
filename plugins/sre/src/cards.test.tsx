import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { EntityAlertHistoryCard } from './alerts/EntityAlertHistoryCard';
import { EntityCostCard } from './cost/EntityCostCard';
import {
  EntityReadyForLeaveCard,
  isReadyForLeaveAvailable,
} from './readiness/EntityReadyForLeaveCard';
import { EntitySloCard, isSloAvailable } from './slo/EntitySloCard';

function component(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

async function renderCard(card: JSX.Element, entity: Entity) {
  await renderInTestApp(
    <EntityProvider entity={entity}>{card}</EntityProvider>,
  );
}

describe('EntitySloCard', () => {
  it('asks for baton.dev/openslo when the entity declares no SLOs', async () => {
    await renderCard(<EntitySloCard />, component());
    expect(screen.getByText('Service level objectives')).toBeInTheDocument();
    expect(screen.getAllByText(/baton\.dev\/openslo/).length).toBeGreaterThan(
      0,
    );
    expect(screen.queryByText('No SLI data collected yet')).toBeNull();
  });

  it('names the OpenSLO file while it waits for data', async () => {
    await renderCard(
      <EntitySloCard />,
      component({ 'baton.dev/openslo': './openslo/checkout.yaml' }),
    );
    expect(screen.getByText('No SLI data collected yet')).toBeInTheDocument();
    expect(screen.getByText(/\.\/openslo\/checkout\.yaml/)).toBeInTheDocument();
  });

  it('is available only with the annotation', () => {
    expect(isSloAvailable(component())).toBe(false);
    expect(isSloAvailable(component({ 'baton.dev/openslo': 'slo.yaml' }))).toBe(
      true,
    );
  });
});

describe('EntityAlertHistoryCard', () => {
  it('matches alerts by service=<name> by default', async () => {
    await renderCard(<EntityAlertHistoryCard />, component());
    expect(
      screen.getByText(/labels match service=checkout-api/),
    ).toBeInTheDocument();
  });

  it('uses baton.dev/alert-selector when set', async () => {
    await renderCard(
      <EntityAlertHistoryCard />,
      component({ 'baton.dev/alert-selector': 'job=checkout,env=prod' }),
    );
    expect(
      screen.getByText(/labels match job=checkout,env=prod/),
    ).toBeInTheDocument();
  });
});

describe('EntityCostCard', () => {
  it('allocates spend by the service tag by default and by baton.dev/cost-tags when set', async () => {
    await renderCard(<EntityCostCard />, component());
    expect(
      screen.getByText(/Spend tagged service=checkout-api/),
    ).toBeInTheDocument();
  });

  it('uses baton.dev/cost-tags when set', async () => {
    await renderCard(
      <EntityCostCard />,
      component({ 'baton.dev/cost-tags': 'app=shop' }),
    );
    expect(screen.getByText(/Spend tagged app=shop/)).toBeInTheDocument();
  });
});

describe('EntityReadyForLeaveCard', () => {
  it('asks for baton.dev/repos when it cannot find the code', async () => {
    await renderCard(<EntityReadyForLeaveCard />, component());
    expect(screen.getAllByText(/baton\.dev\/repos/).length).toBeGreaterThan(0);
    expect(screen.queryByText('Not scored yet')).toBeNull();
  });

  it('falls back to backstage.io/source-location', async () => {
    const entity = component({
      'backstage.io/source-location': 'url:https://example.com/shop/checkout',
    });
    expect(isReadyForLeaveAvailable(entity)).toBe(true);
    await renderCard(<EntityReadyForLeaveCard />, entity);
    expect(screen.getByText('Not scored yet')).toBeInTheDocument();
  });
});
