const path = require('path');
const {
  baseUrl,
  resultsDir,
  launchBrowser,
  signInAsGuest,
} = require('./browser');

describe('the alert history card', () => {
  let browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The card of an entity page, reloaded until the demo history has arrived (the poller runs after start-up). */
  async function alertCard(page, entity, text) {
    const deadline = Date.now() + 150_000;
    for (;;) {
      await page.goto(`${baseUrl}/catalog/default/component/${entity}`);
      const card = page.locator('.MuiCard-root').filter({
        has: page.getByText('Alert history', { exact: true }),
      });
      try {
        await card.getByText(text).first().waitFor({ timeout: 15_000 });
        return card;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  }

  it('shows order-batch’s flapping alarm with its noise, and lets the guest acknowledge an alert', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2600 },
    });
    await signInAsGuest(page);
    const card = await alertCard(page, 'order-batch', 'order-batch-lag');
    await card.getByText('Flapping', { exact: true }).first().waitFor();
    await card.getByRole('group', { name: 'Noisy' }).waitFor();
    await card
      .getByRole('img', { name: 'Alerts per day by severity' })
      .waitFor();

    const buttons = card.getByRole('button', { name: /^Acknowledge / });
    const before = await buttons.count();
    expect(before).toBeGreaterThan(0);
    await buttons.first().click();
    // The row updates in place once the backend has stored the acknowledgement.
    const deadline = Date.now() + 30_000;
    while ((await buttons.count()) !== before - 1) {
      if (Date.now() > deadline)
        throw new Error('the alert was not acknowledged');
      await page.waitForTimeout(250);
    }
    await page.screenshot({
      path: path.join(resultsDir, 'order-batch-alerts.png'),
      fullPage: true,
    });

    // The acknowledgement is stored: it is still there after a reload.
    const again = await alertCard(page, 'order-batch', 'order-batch-lag');
    expect(
      await again.getByRole('button', { name: /^Acknowledge / }).count(),
    ).toBe(before - 1);
  });

  it('shows checkout-api’s incident, still firing and acknowledged', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2600 },
    });
    await signInAsGuest(page);
    const card = await alertCard(
      page,
      'checkout-api',
      'Checkout availability burns its error budget 14× too fast',
    );
    await card
      .getByText(/chihiro\.mori/)
      .first()
      .waitFor();
    await card.getByRole('group', { name: 'MTTA' }).waitFor();
  });
});
