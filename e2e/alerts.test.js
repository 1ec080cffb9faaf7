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

  it('shows order-batch’s flapping alarm with its noise, and lets nobody acknowledge its alarms days later', async () => {
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

    // Every alarm of order-batch resolved days ago: too late to acknowledge,
    // so each Acknowledge button is there but disabled.
    const buttons = card.getByRole('button', { name: /^Acknowledge / });
    expect(await buttons.count()).toBeGreaterThan(0);
    expect(
      await card
        .getByRole('button', { name: /^Acknowledge /, disabled: false })
        .count(),
    ).toBe(0);
    await page.screenshot({
      path: path.join(resultsDir, 'order-batch-alerts.png'),
      fullPage: true,
    });
  });

  it('shows checkout-api’s incident, still firing and acknowledged, and lets the guest acknowledge it and undo that', async () => {
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

    // The guest (an sre admin in the demo) acknowledges the firing burn
    // alert, can take it back within minutes, and acknowledges it again.
    const title = 'Checkout availability burns its error budget 14× too fast';
    await card.getByRole('button', { name: `Acknowledge ${title}` }).click();
    const undo = card.getByRole('button', {
      name: `Undo the acknowledgement of ${title}`,
    });
    await undo.waitFor({ timeout: 30_000 });
    await undo.click();
    await card
      .getByRole('button', { name: `Acknowledge ${title}` })
      .waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: `Acknowledge ${title}` }).click();
    await undo.waitFor({ timeout: 30_000 });
    await page.screenshot({
      path: path.join(resultsDir, 'checkout-api-acknowledged.png'),
      fullPage: true,
    });

    // The acknowledgement is stored: after a reload there is nothing left to acknowledge.
    const again = await alertCard(page, 'checkout-api', title);
    await again
      .getByText(/chihiro\.mori/)
      .first()
      .waitFor();
    expect(
      await again.getByRole('button', { name: `Acknowledge ${title}` }).count(),
    ).toBe(0);
  });
});
