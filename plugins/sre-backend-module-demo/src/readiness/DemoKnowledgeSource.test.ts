import {
  DEFAULT_READINESS_POLICY,
  KnowledgeReport,
  TruckFactorCalculator,
  withFormerHolders,
} from '@baton/plugin-sre-common';
import { DemoKnowledgeSource, demoHistory } from './DemoKnowledgeSource';

const now = new Date('2026-11-24T09:00:00Z');

function truckFactorOf(name: string) {
  const { files, commits } = demoHistory(name, now);
  const calculator = new TruckFactorCalculator();
  commits.forEach(commit => calculator.addCommit(commit));
  return calculator.compute(files);
}

const DEMO_TRUCK_FACTORS: Record<string, number> = {
  storefront: 3,
  'checkout-api': 2,
  'catalog-search': 1,
  'admin-console': 2,
  'media-streaming': 2,
  'order-batch': 2,
  'payments-adapter': 1,
  'inventory-sync': 2,
};

describe('the demo histories', () => {
  it.each(Object.entries(DEMO_TRUCK_FACTORS))(
    'give %s the truck factor its story needs (%i)',
    (name, expected) => {
      expect(truckFactorOf(name).truckFactor).toBe(expected);
    },
  );

  it('make Ben the one author of catalog-search and Farid the one of payments-adapter', () => {
    expect(
      truckFactorOf('catalog-search').truckFactorAuthors.map(p => p.name),
    ).toEqual(['Ben Okafor']);
    expect(
      truckFactorOf('payments-adapter').truckFactorAuthors.map(p => p.name),
    ).toEqual(['Farid Haddad']);
  });

  it('date commits relative to now, oldest first', () => {
    const { commits } = demoHistory('payments-adapter', now);
    const times = commits.map(c => c.timestamp.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const daniel = commits.filter(c => c.author.name === 'Daniel Weiss');
    const daysAgo = (commit: { timestamp: Date }) =>
      Math.round((now.getTime() - commit.timestamp.getTime()) / 86_400_000);
    // His files were written from 500 to 300 days ago.
    expect([daysAgo(daniel[0]), daysAgo(daniel[daniel.length - 1])]).toEqual([
      500, 300,
    ]);
  });

  it('leave exactly two former knowledge holders, even three weeks on: Daniel on payments-adapter and Gen on catalog-search', () => {
    const formers = (at: Date) =>
      Object.keys(DEMO_TRUCK_FACTORS).flatMap(name => {
        const result = truckFactorOf(name);
        const report: KnowledgeReport = {
          ...result,
          entityRef: `component:default/${name}`,
          computedAt: now.toISOString(),
          status: 'ok',
          repositories: [],
          iacFiles: 0,
          rule: '',
          people: result.people.map(p => ({ ...p, userRef: null })),
          truckFactorAuthors: [],
        };
        return withFormerHolders(
          report,
          at.toISOString(),
          DEFAULT_READINESS_POLICY.thresholds.knowledgeHolderDays,
        )
          .people.filter(p => p.former && p.files > 0)
          .map(p => `${name}: ${p.name}`);
      });
    const expected = [
      'catalog-search: Gen Ito',
      'payments-adapter: Daniel Weiss',
    ];
    expect(formers(now)).toEqual(expected);
    // A leave simulation of three weeks makes no one else former.
    expect(formers(new Date(now.getTime() + 21 * 86_400_000))).toEqual(
      expected,
    );
  });
});

describe('DemoKnowledgeSource', () => {
  const source = new DemoKnowledgeSource(() => now);

  it('reads only the demo catalog’s repositories', () => {
    expect(
      source.supports('https://github.com/hanamori-market/storefront'),
    ).toBe(true);
    expect(
      source.supports('https://github.com/hanamori-market/storefront.git'),
    ).toBe(true);
    expect(source.supports('https://github.com/hanamori-market/unknown')).toBe(
      false,
    );
    expect(source.supports('https://github.com/acme/storefront')).toBe(false);
  });

  it('streams the scripted history', async () => {
    const history = await source.readHistory({
      location: 'https://github.com/hanamori-market/order-batch',
    });
    const commits = [];
    for await (const commit of history.commits) commits.push(commit);
    expect(history.files).toHaveLength(26);
    expect(commits.length).toBeGreaterThan(26);
  });
});
