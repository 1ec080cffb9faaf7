// The browser half of the adoption test (scripts/adopt.sh): in the freshly
// generated portal, the guest finds the annotated component's four Baton
// cards and the Bus factor tab of its owning team. Exits non-zero on the
// first thing missing; screenshots go to BATON_ADOPT_RESULTS.
const path = require('path');
const { launchBrowser, signInAsGuest } = require('../e2e/browser');

const baseUrl = 'http://localhost:3000';
const results = process.env.BATON_ADOPT_RESULTS || 'test-results';
const CARDS = [
  'Service level objectives',
  'Alert history',
  'Cost',
  'Ready for leave',
];

async function main() {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 2400 },
    });
    await signInAsGuest(page);
    await page.goto(`${baseUrl}/catalog/default/component/adopt-checkout`);
    for (const title of CARDS) {
      await page
        .getByText(title, { exact: true })
        .first()
        .waitFor({ timeout: 120_000 });
      console.log(`card found: ${title}`);
    }
    // The SLO card read the component's OpenSLO file.
    await page
      .getByText('Checkout availability', { exact: true })
      .first()
      .waitFor({ timeout: 120_000 });
    console.log('SLO found: Checkout availability');
    await page.screenshot({
      path: path.join(results, 'adopt-entity-page.png'),
      fullPage: true,
    });

    await page.goto(`${baseUrl}/catalog/default/group/guests/bus-factor`);
    await page
      .getByRole('table', { name: 'services' })
      .getByText('adopt-checkout')
      .waitFor({ timeout: 120_000 });
    console.log('Bus factor tab found with adopt-checkout');
    await page.screenshot({
      path: path.join(results, 'adopt-bus-factor.png'),
      fullPage: true,
    });
  } finally {
    await browser.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
