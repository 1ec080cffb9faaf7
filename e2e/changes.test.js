const path = require('path');
const {
  baseUrl,
  resultsDir,
  launchBrowser,
  signInAsGuest,
} = require('./browser');

/** The demo's solo late-night apply on inventory-sync, which the sync's stall followed. */
const LATE_APPLY =
  'Apply hanamori/inventory (warehouse queue visibility timeout)';

describe('production changes', () => {
  let browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a page until `ready` shows: the demo's changes are pulled shortly after start-up. */
  async function openUntil(page, pagePath, ready) {
    const deadline = Date.now() + 150_000;
    for (;;) {
      await page.goto(`${baseUrl}${pagePath}`);
      try {
        await ready().waitFor({ timeout: 15_000 });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  }

  it('shows inventory-sync’s solo off-hours apply with the alert that followed it', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2600 },
    });
    await signInAsGuest(page);
    const card = page.locator('.MuiCard-root').filter({
      has: page.getByText('Production changes', { exact: true }),
    });
    const late = card.getByRole('listitem', { name: LATE_APPLY });
    const chips = late.getByRole('list', { name: 'What the rules found' });
    // The demo's alerts are polled apart from its changes: wait for both.
    await openUntil(page, '/catalog/default/component/inventory-sync', () =>
      chips.getByText(/^Followed by \d+ alerts?$/),
    );
    for (const chip of ['Solo', 'Unreviewed procedure', 'Off-hours']) {
      expect({ chip, count: await chips.getByText(chip).count() }).toEqual({
        chip,
        count: 1,
      });
    }
    expect(await chips.getByText(/^Followed by \d+ alerts?$/).count()).toBe(1);
    // The alert it names is the sync's stall, listed under the change.
    expect(await late.getByText(/Alerts after this change/).count()).toBe(1);
    await late.screenshot({
      path: path.join(resultsDir, 'changes-inventory-sync-late-apply.png'),
    });
  });

  it('shows the product team’s pairing rate on its Changes tab, agreeing with its counts', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2200 },
    });
    await signInAsGuest(page);
    const summary = page.getByRole('group', {
      name: 'Summary of the changes',
    });
    await openUntil(page, '/catalog/default/group/product-team/changes', () =>
      summary.getByText(/\(\d+ of \d+\)/),
    );
    const rate = await summary.getByText(/\(\d+ of \d+\)/).innerText();
    const [, share, paired, total] = rate.match(/(\d+)% \((\d+) of (\d+)\)/);
    // The story has solo changes, so the rate is below 100%, and the percentage is the count's.
    expect(Number(total)).toBeGreaterThan(Number(paired));
    expect(Number(share)).toBe(
      Math.round((100 * Number(paired)) / Number(total)),
    );
    // Farid operated the solo ones: he is in the per-person table, and they are listed.
    const people = page.getByRole('table', { name: /per person/i });
    const farid = people.getByRole('row').filter({ hasText: 'Farid Haddad' });
    // Display names come from the catalog after the counts: wait for his.
    await farid.first().waitFor({ timeout: 20_000 });
    expect(await farid.count()).toBe(1);
    expect(
      await page.getByRole('listitem', { name: LATE_APPLY }).count(),
    ).toBeGreaterThan(0);
    await page.screenshot({
      path: path.join(resultsDir, 'changes-product-team.png'),
      fullPage: true,
    });
  });
});
