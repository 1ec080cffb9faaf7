const path = require('path');
const {
  baseUrl,
  resultsDir,
  launchBrowser,
  signInAsGuest,
} = require('./browser');

describe('access reviews', () => {
  let browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The guest's items, reloaded until the demo campaign has started (on schedule, once the catalog has filled). */
  async function myAccessReviews(page) {
    const deadline = Date.now() + 180_000;
    for (;;) {
      await page.goto(`${baseUrl}/access-reviews/tasks`);
      try {
        await page
          .getByRole('group', { name: /^Decide sandbox-ci on / })
          .waitFor({ timeout: 15_000 });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  }

  it('lets a demo reviewer decide an item in My access reviews, and the campaign progress moves', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2000 },
    });
    await signInAsGuest(page);
    // The Guests group owns the demo sandbox account: the guest reviews its four grants.
    await myAccessReviews(page);
    const progress = page.getByText(/^\d+ of \d+ decided$/).first();
    const before = await progress.textContent();
    const [, decided, total] = /^(\d+) of (\d+) decided$/.exec(before);

    // sandbox-ci has no person in the catalog: a shared CI key, revoked.
    await page
      .getByRole('group', { name: /^Decide sandbox-ci on / })
      .getByRole('button', { name: 'Revoke' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Revoke access').waitFor();
    await dialog
      .getByLabel('Comment')
      .fill('Shared CI key; the sandbox deploys with OIDC now');
    await dialog.getByRole('button', { name: 'Save decision' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page
      .getByRole('group', { name: /^Decide sandbox-ci on / })
      .waitFor({ state: 'detached' });
    await page
      .getByText(`${Number(decided) + 1} of ${total} decided`)
      .first()
      .waitFor();
    await page.screenshot({
      path: path.join(resultsDir, 'my-access-reviews.png'),
      fullPage: true,
    });

    // The campaign page shows the decision, who made it, and the audit log row.
    await page
      .getByRole('link', { name: /^Quarterly access review / })
      .first()
      .click();
    const items = page.getByRole('table', { name: 'Access-review items' });
    await items.getByText('Revoked').first().waitFor();
    const audit = page.getByRole('table', { name: 'Audit log' });
    await audit.getByText(/guest/).first().waitFor();
  });
});
