// Shared set-up of the browser tests: the system Chromium through playwright-core.
const { chromium } = require('playwright-core');
const path = require('path');

const baseUrl = process.env.BATON_E2E_URL || 'http://localhost:3000';
// The dev portal's backend has a port of its own; a built app is served by
// its backend, so a BATON_E2E_URL names both.
const backendUrl =
  process.env.BATON_E2E_BACKEND_URL ||
  process.env.BATON_E2E_URL ||
  'http://localhost:7007';
const resultsDir =
  process.env.BATON_E2E_RESULTS || path.resolve(__dirname, '../test-results');

async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.BATON_CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Opens the portal and enters as the guest user, waiting until the session exists. */
async function signInAsGuest(page) {
  await page.goto(baseUrl);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click();
  // Navigating while the sign-in is in flight would land on the sign-in page again.
  await enter.waitFor({ state: 'detached', timeout: 60_000 });
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .waitFor({ state: 'attached', timeout: 60_000 });
}

module.exports = {
  baseUrl,
  backendUrl,
  resultsDir,
  launchBrowser,
  signInAsGuest,
};
