const path = require('path');
const {
  baseUrl,
  resultsDir,
  launchBrowser,
  signInAsGuest,
} = require('./browser');

describe('the demo portal in Japanese', () => {
  let browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('switches to Japanese in Settings and shows Baton’s cards in Japanese', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2200 },
    });
    await signInAsGuest(page);
    await page.goto(`${baseUrl}/settings`);
    const languageSelect = page
      .locator('[data-testid="select"]')
      .filter({ hasText: 'English' });
    await languageSelect.waitFor({ timeout: 60_000 });
    await languageSelect.locator('[role="button"]').click();
    await page.getByRole('option', { name: '日本語' }).click();

    await page.goto(`${baseUrl}/catalog/default/component/checkout-api`);
    for (const title of ['SLO（サービスレベル目標）', '育休・休暇への備え']) {
      await page.getByText(title, { exact: true }).waitFor({ timeout: 60_000 });
    }
    // The SLO rows are there too, with Japanese around the demo's names.
    await page
      .getByText('Checkout availability', { exact: true })
      .waitFor({ timeout: 60_000 });
    expect(await page.getByText('Service level objectives').count()).toBe(0);
    expect(
      await page.getByText('Ready for leave', { exact: true }).count(),
    ).toBe(0);
    await page.screenshot({
      path: path.join(resultsDir, 'checkout-api-ja.png'),
      fullPage: true,
    });
  });
});
