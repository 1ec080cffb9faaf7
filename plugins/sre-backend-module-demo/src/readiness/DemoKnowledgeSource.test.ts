import { TruckFactorCalculator } from '@baton/plugin-sre-common';
import { DemoKnowledgeSource, demoHistory } from './DemoKnowledgeSource';

const now = new Date('2026-11-24T09:00:00Z');

function truckFactorOf(name: string) {
  const { files, commits } = demoHistory(name, now);
  const calculator = new TruckFactorCalculator();
  commits.forEach(commit => calculator.addCommit(commit));
  return calculator.compute(files);
}

describe('the demo histories', () => {
  it.each([
    ['storefront', 3],
    ['checkout-api', 2],
    ['catalog-search', 1],
    ['admin-console', 2],
    ['media-streaming', 2],
    ['order-batch', 2],
    ['payments-adapter', 1],
    ['inventory-sync', 2],
  ])('give %s the truck factor its story needs (%i)', (name, expected) => {
    expect(truckFactorOf(name).truckFactor).toBe(expected);
  });

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
    const lastDaniel = commits
      .filter(c => c.author.name === 'Daniel Weiss')
      .pop()!;
    expect(
      Math.round((now.getTime() - lastDaniel.timestamp.getTime()) / 86_400_000),
    ).toBe(500);
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
