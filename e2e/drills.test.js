const path = require('path');
const {
  baseUrl,
  resultsDir,
  launchBrowser,
  signInAsGuest,
} = require('./browser');

const SERVICE = '/catalog/default/component/inventory-sync';
const TITLE = 'Restore inventory-sync from last night’s backup';
const ACTION = 'Grant the restore role kms:Decrypt in Terraform';
const RESTORE_GAP =
  'No one at work has restored it from backup in a drill in the last 365 days';

describe('drills', () => {
  let browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The drill check on the service's Ready for leave card. */
  const drillCheck = page =>
    page
      .getByRole('list', { name: 'readiness checks' })
      .getByRole('listitem')
      .filter({ hasText: 'A recent recovery drill' });

  it('records a restore drill with Farid, which flips the drill check and leaves a restore gap while he is away', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 2200 },
    });
    await signInAsGuest(page);

    // inventory-sync has no drill on record: its drill check fails.
    await page.goto(`${baseUrl}${SERVICE}`);
    const before = drillCheck(page);
    await before.waitFor({ timeout: 120_000 });
    expect(await before.getByRole('img', { name: 'fail' }).count()).toBe(1);

    // The sidebar's Drills page opens on a team, named in the URL.
    await page.getByRole('link', { name: 'Drills', exact: true }).click();
    await page.waitForURL(/\/drills\?team=/);

    // The team records the drill on its Drills tab, which the check links to.
    await page.goto(`${baseUrl}${SERVICE}`);
    await drillCheck(page)
      .getByRole('link', { name: 'The team’s drills' })
      .click({ timeout: 120_000 });
    await page.waitForURL(/\/group\/fulfilment-squad\/drills$/);
    await page
      .getByRole('button', { name: 'Record a drill that took place' })
      .click({ timeout: 60_000 });
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Scenario').selectOption('restore-from-backup');
    await dialog.getByLabel(/^Title/).fill(TITLE);
    await dialog.getByRole('checkbox', { name: 'inventory-sync' }).check();
    await dialog.getByRole('checkbox', { name: 'Farid Haddad' }).check();
    await dialog.getByLabel('Outcome').selectOption('partly-succeeded');
    await dialog.getByLabel('Minutes to recover').fill('48');
    await dialog
      .getByLabel('What went wrong, what was learnt')
      .fill('The restore role lacked kms:Decrypt on the backup key.');
    await dialog.getByRole('button', { name: 'Record' }).click();
    await dialog.waitFor({ state: 'detached' });

    const drills = page.getByRole('list', { name: 'Drills, newest first' });
    const recorded = drills.getByRole('listitem').filter({ hasText: TITLE });
    await recorded.first().waitFor();
    expect(await recorded.first().getByText('Farid Haddad').count()).toBe(1);
    expect(await recorded.first().getByText('Partly succeeded').count()).toBe(
      1,
    );
    await page.screenshot({
      path: path.join(resultsDir, 'drills-recorded.png'),
      fullPage: true,
    });

    // A follow-up item of the drill is on the team's review, from a drill.
    await recorded
      .first()
      .getByRole('button', { name: `Add an action item to “${TITLE}”` })
      .click();
    const form = page.getByRole('form', {
      name: 'Add an action item to this drill',
    });
    await form.getByLabel(/^Title/).fill(ACTION);
    await form.getByRole('button', { name: 'Add' }).click();
    await recorded.first().getByText(ACTION).waitFor();
    await page.goto(
      `${baseUrl}/catalog/default/group/fulfilment-squad/reliability-review`,
    );
    const item = page
      .getByRole('list', { name: 'Open action items' })
      .getByRole('listitem')
      .filter({ hasText: ACTION });
    await item.getByText('from a drill').waitFor({ timeout: 60_000 });

    // The drill check reads the recorded drill: it passes, naming Farid.
    await page.goto(`${baseUrl}${SERVICE}`);
    const after = drillCheck(page);
    await after.getByRole('img', { name: 'pass' }).waitFor({ timeout: 60_000 });
    expect(await after.getByText(/with Farid Haddad\./).count()).toBe(1);
    await page
      .locator('.MuiCard-root')
      .filter({ has: page.getByText('Ready for leave', { exact: true }) })
      .screenshot({
        path: path.join(resultsDir, 'drills-ready-for-leave.png'),
      });

    // With Farid away, no one at work has practised restoring it.
    await page.goto(
      `${baseUrl}/catalog/default/group/fulfilment-squad/bus-factor`,
    );
    const services = page.getByRole('table', { name: 'services' });
    const inventory = services
      .getByRole('row')
      .filter({ hasText: 'inventory-sync' });
    await inventory.waitFor({ timeout: 60_000 });
    expect(await inventory.getByText(RESTORE_GAP).count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Farid Haddad' }).check();
    await inventory.getByText(RESTORE_GAP).waitFor();
    await page.screenshot({
      path: path.join(resultsDir, 'drills-farid-away.png'),
      fullPage: true,
    });
  });
});
