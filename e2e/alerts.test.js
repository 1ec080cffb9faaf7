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

    // One flapping alarm is one row; its firings are in the row's details.
    const expand = card.getByRole('button', {
      name: /^Show details of order-batch-lag/,
    });
    expect(await expand.count()).toBe(1);
    await card
      .getByText(/^\d+ firings from /)
      .first()
      .waitFor();
    await expand.click();
    await card
      .getByRole('table', { name: /^Firings of order-batch-lag/ })
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
    await card.getByRole('group', { name: 'MTTA' }).waitFor();

    // Someone acknowledged it already: the row's details name them (by their
    // catalog name) instead of offering Acknowledge (undo is only for one's
    // own, fresh acknowledgement).
    const title = 'Checkout availability burns its error budget 14× too fast';
    await card
      .getByRole('button', { name: `Show details of ${title}` })
      .click();
    const details = card.getByRole('region', { name: `Details of ${title}` });
    await details.getByText('Chihiro Mori').waitFor();
    expect(await card.getByText(/chihiro\.mori/).count()).toBe(0);
    expect(
      await card.getByRole('button', { name: `Acknowledge ${title}` }).count(),
    ).toBe(0);
    expect(
      await card
        .getByRole('button', { name: `Undo the acknowledgement of ${title}` })
        .count(),
    ).toBe(0);
  });
});
