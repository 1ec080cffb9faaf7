const path = require('path');
const {
  baseUrl,
  resultsDir,
  launchBrowser,
  signInAsGuest,
} = require('./browser');

describe('the cost cards', () => {
  let browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A card of an entity page, reloaded until the demo cost source has been pulled (15 s after start-up). */
  async function costCard(page, entityPath, title, text) {
    const deadline = Date.now() + 150_000;
    for (;;) {
      await page.goto(`${baseUrl}/catalog/default/${entityPath}`);
      const card = page.locator('.MuiCard-root').filter({
        has: page.getByText(title, { exact: true }),
      });
      try {
        await card.getByText(text).first().waitFor({ timeout: 15_000 });
        return card;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  }

  it('shows checkout-api’s spend by service with the upsized database, and why', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2600 },
    });
    await signInAsGuest(page);
    const card = await costCard(
      page,
      'component/checkout-api',
      'Cost',
      'Spend by service',
    );
    await card
      .getByText('Amazon Relational Database Service', { exact: true })
      .waitFor();
    // A dollar total, and the forecast for this month.
    expect(await card.getByText(/^\$[\d,]+\.\d\d$/).count()).toBeGreaterThan(0);
    await card
      .getByText(/^Forecast for /)
      .first()
      .waitFor();
    await card.getByRole('button', { name: 'Why?' }).click();
    await card.getByText(/^Forecast for .* = spend so far/).waitFor();
    await page.screenshot({
      path: path.join(resultsDir, 'checkout-api-cost.png'),
      fullPage: true,
    });
  });

  it('marks media-streaming’s CloudFront spike as an anomaly', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2600 },
    });
    await signInAsGuest(page);
    const card = await costCard(
      page,
      'component/media-streaming',
      'Cost',
      'Amazon CloudFront',
    );
    // The marker's SVG title states the rule and its numbers.
    const marker = card.locator('svg title', {
      hasText: /is above the 28-day mean \+ 3σ threshold/,
    });
    await marker.first().waitFor({ state: 'attached' });
    expect(await marker.count()).toBe(1);
  });

  it('shows a team’s spend with the unallocated share kept apart', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2600 },
    });
    await signInAsGuest(page);
    const card = await costCard(
      page,
      'group/fulfilment-squad',
      'Team cost',
      'Unallocated spend',
    );
    await card.getByText(/^This team’s share: /).waitFor();
    await card.getByText('Spend by entity', { exact: true }).waitFor();
  });
});
