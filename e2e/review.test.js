const path = require('path');
const {
  baseUrl,
  resultsDir,
  launchBrowser,
  signInAsGuest,
} = require('./browser');

// Runs last (sequencer.js): finishing the review moves the default start of
// the product team's alert cards.
describe('the reliability review', () => {
  let browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The product team's review tab, reloaded until the demo alerts have arrived (the poller runs after start-up). */
  async function reviewTab(page) {
    const deadline = Date.now() + 150_000;
    for (;;) {
      await page.goto(
        `${baseUrl}/catalog/default/group/product-team/reliability-review`,
      );
      try {
        await page
          .getByText('Reliability review of Product team')
          .waitFor({ timeout: 20_000 });
        // order-batch (a fulfilment squad service) and its flapping lag alarm.
        await page
          .getByRole('table', { name: 'Alerts of order-batch' })
          .waitFor({ timeout: 10_000 });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  }

  it('starts, annotates and finishes a review of the product team, after which its services’ alert history starts at that review', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 3000 },
    });
    await signInAsGuest(page);
    await reviewTab(page);
    // The agenda: noisy alerts, and the demo's access-review campaign (started
    // on schedule after start-up) with the items the team still decides.
    await page.getByText('Flapping', { exact: true }).first().waitFor();
    await page
      .getByText(
        /^Quarterly access review \d{4}-\d\d-\d\d: \d+ items to decide/,
      )
      .waitFor();

    await page.getByRole('button', { name: 'Start review' }).click();
    const start = page.getByRole('dialog');
    await start.getByText('Start the reliability review').waitFor();
    await start.getByRole('button', { name: 'Start', exact: true }).click();
    await start.waitFor({ state: 'detached' });
    await page.getByText(/^In progress: started /).waitFor();

    await page
      .getByLabel('Notes (Markdown)')
      .fill(
        '## order-batch\n\nThe lag alarm flapped three times in one night: raise its threshold.',
      );
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByText('Not saved yet').waitFor({ state: 'detached' });

    await page.getByLabel('Title').fill('Raise the order-batch lag threshold');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const items = page.getByRole('list', { name: 'Open action items' });
    await items.getByText('Raise the order-batch lag threshold').waitFor();

    await page.screenshot({
      path: path.join(resultsDir, 'product-team-review.png'),
      fullPage: true,
    });

    await page.getByRole('button', { name: 'Finish review' }).click();
    const finish = page.getByRole('dialog');
    await finish.getByText('Finish the review?').waitFor();
    await finish.getByRole('button', { name: 'Finish review' }).click();
    await finish.waitFor({ state: 'detached' });
    await page.getByText(/^Last review finished /).waitFor();
    // The action item stays open and carries over to the next review.
    await items.getByText('Raise the order-batch lag threshold').waitFor();

    // order-batch's alert card now starts at the review just finished: its
    // flapping alarm of days ago is before it.
    await page.goto(`${baseUrl}/catalog/default/component/order-batch`);
    const card = page.locator('.MuiCard-root').filter({
      has: page.getByText('Alert history', { exact: true }),
    });
    await card
      .getByText(/^Since the last review of product-team \(/)
      .waitFor({ timeout: 30_000 });
    await card.getByText(/^No alerts since /).waitFor();
    expect(await card.getByText('order-batch-lag').count()).toBe(0);
    await page.screenshot({
      path: path.join(resultsDir, 'order-batch-after-review.png'),
      fullPage: true,
    });
  });
});
