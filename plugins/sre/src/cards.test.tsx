import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import type { KnowledgeReport } from '@baton/plugin-sre-common';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SreApi, sreApiRef } from './api/SreApi';
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

async function renderCard(
  card: JSX.Element,
  entity: Entity,
  sreApi: Partial<SreApi> = {},
) {
  await renderInTestApp(
    <EntityProvider entity={entity}>{card}</EntityProvider>,
    {
      apis: [[sreApiRef, sreApi]],
      // Person names link to their User entity pages.
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
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

const person = (name: string, files: number, userRef: string | null) => ({
  name,
  emails: [`${name.toLowerCase()}@shop.example`],
  userRef,
  files,
  share: files / 4,
  commits: files,
  lastCommitAt: '2026-11-20T10:00:00.000Z',
});

const report: KnowledgeReport = {
  entityRef: 'component:default/checkout-api',
  computedAt: '2026-11-24T12:00:00.000Z',
  status: 'ok',
  repositories: [
    { location: '/srv/git/checkout.git', revision: 'abcdef0123456789' },
  ],
  truckFactor: 1,
  fileCount: 4,
  filesWithoutAuthor: 0,
  mode: 'pairing',
  truckFactorAuthors: [person('Aiko', 4, 'user:default/aiko.tanaka')],
  people: [
    person('Aiko', 4, 'user:default/aiko.tanaka'),
    person('Contractor', 1, null),
  ],
  authorSets: [{ people: [0], files: 4 }],
  iacFiles: 0,
  rule: 'Degree of authorship DOA = 3.293 + …',
};

describe('EntityReadyForLeaveCard', () => {
  const withSource = component({
    'backstage.io/source-location': 'url:https://example.com/shop/checkout',
  });

  it('asks for baton.dev/repos when it cannot find the code', async () => {
    const getKnowledge = jest.fn();
    await renderCard(<EntityReadyForLeaveCard />, component(), {
      getKnowledge,
    });
    expect(screen.getAllByText(/baton\.dev\/repos/).length).toBeGreaterThan(0);
    expect(getKnowledge).not.toHaveBeenCalled();
    expect(isReadyForLeaveAvailable(withSource)).toBe(true);
  });

  it('says the entity is not scored yet while the backend has nothing', async () => {
    const notFound = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'NotFoundError', message: 'none' },
          response: { statusCode: 404 },
        }),
        {
          status: 404,
          headers: { 'Content-Type': 'application/json' },
        },
      ),
    );
    await renderCard(<EntityReadyForLeaveCard />, withSource, {
      getKnowledge: jest.fn().mockRejectedValue(notFound),
    });
    expect(await screen.findByText('Not scored yet')).toBeInTheDocument();
  });

  it('shows other errors', async () => {
    await renderCard(<EntityReadyForLeaveCard />, withSource, {
      getKnowledge: jest.fn().mockRejectedValue(new Error('backend down')),
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
    expect(screen.queryByText('Not scored yet')).toBeNull();
  });

  it('shows the truck factor, who holds the knowledge, and why on demand', async () => {
    const getKnowledge = jest.fn().mockResolvedValue(report);
    await renderCard(<EntityReadyForLeaveCard />, withSource, { getKnowledge });
    expect(await screen.findByLabelText('truck factor')).toHaveTextContent('1');
    expect(getKnowledge).toHaveBeenCalledWith('component:default/checkout-api');
    expect(screen.getByText(/One person’s absence/)).toBeInTheDocument();
    expect(screen.getByText('100% (4)')).toBeInTheDocument();
    expect(screen.getByText(/truck-factor author/)).toBeInTheDocument();
    expect(screen.getByText(/no catalog User/)).toBeInTheDocument();
    expect(screen.queryByText(/Degree of authorship/)).not.toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Why?' }));
    expect(screen.getByText(/Degree of authorship/)).toBeVisible();
    expect(screen.getByText(/4 files counted/)).toHaveTextContent(
      '/srv/git/checkout.git at abcdef012345',
    );
  });

  it('says why a repository could not be read', async () => {
    await renderCard(<EntityReadyForLeaveCard />, withSource, {
      getKnowledge: jest.fn().mockResolvedValue({
        ...report,
        status: 'error',
        error: { message: 'Reading remote repositories is switched off' },
        truckFactor: null,
        people: [],
        truckFactorAuthors: [],
      }),
    });
    expect(
      await screen.findByText(
        /could not be read: Reading remote repositories is switched off/,
      ),
    ).toBeInTheDocument();
  });
});
