const path = require('path');
const {
  baseUrl,
  backendUrl,
  resultsDir,
  launchBrowser,
  signInAsGuest,
} = require('./browser');

describe('a demo service page', () => {
  let browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the four Baton cards to a guest', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2200 },
    });
    await signInAsGuest(page);
    await page.goto(`${baseUrl}/catalog/default/component/checkout-api`);

    for (const title of [
      'Service level objectives',
      'Alert history',
      'Cost',
      'Ready for leave',
    ]) {
      await page.getByText(title, { exact: true }).waitFor({ timeout: 60_000 });
    }
    // checkout-api declares its SLOs: the card lists them once the demo SLIs are stored.
    await page
      .getByText('Checkout availability', { exact: true })
      .waitFor({ timeout: 60_000 });

    await page.screenshot({
      path: path.join(resultsDir, 'checkout-api-cards.png'),
      fullPage: true,
    });
  });

  it('tells the owner of a service without SLOs which annotation to add', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2200 },
    });
    await signInAsGuest(page);
    await page.goto(`${baseUrl}/catalog/default/component/admin-console`);

    const sloCard = page.locator('.MuiCard-root').filter({
      has: page.getByText('Service level objectives', { exact: true }),
    });
    await sloCard
      .getByText('baton.dev/openslo')
      .first()
      .waitFor({ timeout: 60_000 });
    expect(await sloCard.getByText('Checkout availability').count()).toBe(0);
  });

  it('shows checkout-api’s SLOs with budget, burn rates and the paging alert, and why', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2200 },
    });
    await signInAsGuest(page);
    await page.goto(`${baseUrl}/catalog/default/component/checkout-api`);

    const sloCard = page.locator('.MuiCard-root').filter({
      has: page.getByText('Service level objectives', { exact: true }),
    });
    await sloCard
      .getByText('Checkout availability', { exact: true })
      .waitFor({ timeout: 60_000 });
    await sloCard.getByText('Checkout latency', { exact: true }).waitFor();
    // The demo's ongoing incident burns the availability budget fast enough to page.
    await sloCard.getByText('Page', { exact: true }).first().waitFor();
    // Its status says so too (burning, or worse once the demo has run for a day): never OK.
    const availability = sloCard
      .getByRole('listitem')
      .filter({ hasText: 'Checkout availability' });
    await availability
      .getByText(/^(Burning|Below objective|Budget exhausted)$/)
      .waitFor();
    expect(await availability.getByText('OK', { exact: true }).count()).toBe(0);
    expect(
      await sloCard.getByText(/error budget left/i).count(),
    ).toBeGreaterThan(0);

    await sloCard
      .getByRole('button', { name: 'Show details of Checkout availability' })
      .click();
    await sloCard.getByText('Where the numbers come from').waitFor();
    await sloCard
      .getByText('sum(http_requests_total{service="checkout"})', {
        exact: false,
      })
      .first()
      .waitFor();
    // The page scrolls inside Backstage's content area, so an element shot can be cut: take the page.
    await page.screenshot({
      path: path.join(resultsDir, 'checkout-api-slo.png'),
      fullPage: true,
    });
  });

  it('shows a budget overspent by the payment provider’s outage', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2200 },
    });
    await signInAsGuest(page);
    await page.goto(`${baseUrl}/catalog/default/component/payments-adapter`);
    const sloCard = page.locator('.MuiCard-root').filter({
      has: page.getByText('Service level objectives', { exact: true }),
    });
    await sloCard
      .getByText('Payment authorisations', { exact: true })
      .waitFor({ timeout: 60_000 });
    await sloCard
      .getByText(/overspent/i)
      .first()
      .waitFor();
    // The status agrees with the numbers beside it.
    await sloCard.getByText('Budget exhausted', { exact: true }).waitFor();
    expect(await sloCard.getByText('OK', { exact: true }).count()).toBe(0);
  });

  it('shows Baton’s own truck factor, computed from this repository’s history', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2200 },
    });
    await signInAsGuest(page);
    const truckFactor = page.getByLabel('truck factor');
    // The backend reads the history on its schedule, shortly after start-up.
    const deadline = Date.now() + 150_000;
    for (;;) {
      await page.goto(`${baseUrl}/catalog/default/component/baton`);
      try {
        await truckFactor.waitFor({ timeout: 15_000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
    expect(Number(await truckFactor.textContent())).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: 'Why?' }).click();
    await page.getByText(/files counted/).waitFor();
    await page.screenshot({
      path: path.join(resultsDir, 'baton-truck-factor.png'),
      fullPage: true,
    });
  });

  it('reports a spread of readiness levels on the demo services', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2200 },
    });
    await signInAsGuest(page);
    for (const [service, level] of [
      ['storefront', 'Ready'],
      ['order-batch', 'At risk'],
      ['catalog-search', 'Single point of failure'],
    ]) {
      await page.goto(`${baseUrl}/catalog/default/component/${service}`);
      const card = page
        .locator('.MuiCard-root')
        .filter({ has: page.getByText('Ready for leave', { exact: true }) });
      // The level needs the knowledge computed on the backend's schedule.
      await card
        .getByText(level, { exact: true })
        .waitFor({ timeout: 120_000 });
    }
  });

  it('simulates a leave on the team bus-factor report', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1800 },
    });
    await signInAsGuest(page);
    await page.goto(
      `${baseUrl}/catalog/default/group/fulfilment-squad/bus-factor`,
    );
    const services = page.getByRole('table', { name: 'services' });
    await services.getByText('inventory-sync').waitFor({ timeout: 60_000 });
    expect(await services.getByText('During the absence').count()).toBe(0);

    await page.getByRole('checkbox', { name: 'Farid Haddad' }).check();
    await services.getByText('During the absence').waitFor();
    const inventory = services
      .getByRole('row')
      .filter({ hasText: 'inventory-sync' });
    // Its level today, then during the absence (the last cell): a single point of failure with truck factor 1.
    await inventory.getByText('Single point of failure').last().waitFor();
    expect(await inventory.getByText(/truck factor 1/).count()).toBe(1);
    // Farid ran every production change of inventory-sync in 90 days, alone: nobody is left who has.
    await inventory
      .getByText(
        'No one left who has run or paired on a production change of it in the last 90 days',
      )
      .waitFor();
    await page.screenshot({
      path: path.join(resultsDir, 'team-bus-factor-farid-away.png'),
      fullPage: true,
    });
  });

  it('opens the bus-factor page from the sidebar on the signed-in user’s team, and keeps the team in the URL', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1400 },
    });
    await signInAsGuest(page);
    await page.getByRole('link', { name: 'Bus factor' }).click();
    // The guest belongs to Guests, who own the sandbox account: a Resource, not a service.
    await page.getByText('Services of Guests').waitFor({ timeout: 60_000 });
    await page.getByText('Resources and systems of Guests').waitFor();
    expect(new URL(page.url()).searchParams.get('team')).toBe(
      'group:default/guests',
    );

    await page.getByRole('button', { name: /Guests/ }).click();
    await page.getByRole('option', { name: 'Fulfilment squad' }).click();
    await page.getByText('Services of Fulfilment squad').waitFor();
    const shared = page.url();
    expect(new URL(shared).searchParams.get('team')).toBe(
      'group:default/fulfilment-squad',
    );
    // The link opens on the same team.
    await page.goto(shared);
    await page
      .getByText('Services of Fulfilment squad')
      .waitFor({ timeout: 60_000 });
  });

  it('shows a knowledge holder without a recent commit as former, not counted', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2200 },
    });
    await signInAsGuest(page);
    await page.goto(`${baseUrl}/catalog/default/component/payments-adapter`);
    const knowledge = page.getByRole('table', {
      name: 'who holds the knowledge',
    });
    // Daniel wrote part of payments-adapter 300 to 500 days ago.
    await knowledge
      .getByRole('row')
      .filter({ hasText: 'former' })
      .filter({ hasText: 'Daniel Weiss' })
      .waitFor({ timeout: 120_000 });
    expect(
      await knowledge.getByRole('row').filter({ hasText: 'former' }).count(),
    ).toBe(1);
  });

  it('keeps the Baton API closed to callers without credentials', async () => {
    const health = await fetch(`${backendUrl}/api/sre/health`);
    expect(health.status).toBe(200);
    const slos = await fetch(
      `${backendUrl}/api/sre/entities/component/default/checkout-api/slos`,
    );
    expect(slos.status).toBe(401);
  });
});
