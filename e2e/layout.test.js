// Every Baton page reads at laptop widths: no table cell breaks inside a word,
// no list text is cut short, and the alert table fits its card. Screenshots
// of each page at each size go to test-results/layout-<page>-<width>x<height>.png.
const path = require('path');
const {
  baseUrl,
  resultsDir,
  launchBrowser,
  signInAsGuest,
} = require('./browser');

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
];

/** The pages to read, each with a text that says its data has arrived. */
const PAGES = [
  {
    name: 'checkout-api',
    path: '/catalog/default/component/checkout-api',
    ready: 'Checkout availability',
  },
  {
    name: 'order-batch',
    path: '/catalog/default/component/order-batch',
    ready: 'Alert history',
  },
  {
    name: 'payments-adapter',
    path: '/catalog/default/component/payments-adapter',
    ready: 'Service level objectives',
  },
  {
    name: 'product-team-bus-factor',
    path: '/catalog/default/group/product-team/bus-factor',
    ready: /knowledge/i,
  },
  {
    name: 'product-team-review',
    path: '/catalog/default/group/product-team/reliability-review',
    // The agenda's SLO section, which arrives after the review's header.
    ready: 'SLOs at risk',
  },
  {
    name: 'product-team-changes',
    path: '/catalog/default/group/product-team/changes',
    ready: 'Pairing rate',
  },
  { name: 'access-reviews', path: '/access-reviews', ready: /access review/i },
  {
    name: 'my-access-reviews',
    path: '/access-reviews/tasks',
    ready: /decided/,
  },
  // The admin page's Sources table: its header comes with the data.
  { name: 'baton-admin', path: '/baton', ready: 'Last success' },
];

/**
 * Runs in the page: every word (a run of letters, digits and `%`, outside
 * scripts that break between characters, such as Japanese) in a table cell
 * that the browser laid out over more than one line.
 */
function wordsBrokenInCells() {
  const broken = [];
  const noBreakScripts =
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  for (const cell of document.querySelectorAll('main td, main th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/[\p{L}\p{N}%]+/gu)) {
        if (match[0].length < 2 || noBreakScripts.test(match[0])) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(
          [...range.getClientRects()]
            .filter(rect => rect.width > 0)
            .map(rect => Math.round(rect.top)),
        );
        if (lines.size > 1) {
          broken.push(`"${match[0]}" in "${cell.innerText.slice(0, 60)}"`);
        }
      }
    }
  }
  return broken;
}

/**
 * Runs in the page: list texts cut short — Backstage's theme gives a dense
 * list's text one line and an ellipsis, which hid reasons and fixes.
 */
function listTextsCut() {
  return [...document.querySelectorAll('main .MuiListItemText-root')]
    .filter(text => text.scrollWidth > text.clientWidth + 1)
    .map(text => `list text cut: "${text.innerText.slice(0, 60)}"`);
}

/** Runs in the page: how far the alert table reaches past its card, in px. */
function alertTableOverflow() {
  const card = [...document.querySelectorAll('.MuiCard-root')].find(c =>
    [...c.querySelectorAll('.MuiCardHeader-title')].some(
      title => title.textContent.trim() === 'Alert history',
    ),
  );
  const table = card?.querySelector('table');
  if (!table) return null;
  const cardRight = card.getBoundingClientRect().right;
  const frame = table.parentElement;
  return {
    pastCard: Math.round(table.getBoundingClientRect().right - cardRight),
    // A table that fits needs no sideways scrolling inside the card either.
    hiddenByScroll: Math.round(frame.scrollWidth - frame.clientWidth),
    tableWidth: Math.round(table.getBoundingClientRect().width),
    cardWidth: Math.round(card.getBoundingClientRect().width),
  };
}

/**
 * Waits for a page's data: its ready text, then no loading bar (or 15 s of
 * one). A bar with a value (aria-valuenow) is a meter — budget left, share
 * of files, items decided — and stays.
 */
async function settle(page, ready) {
  await page
    .getByText(ready, typeof ready === 'string' ? { exact: true } : undefined)
    .first()
    .waitFor({ timeout: 90_000 });
  await page
    .waitForFunction(
      () =>
        !document.querySelector('[role="progressbar"]:not([aria-valuenow])'),
      null,
      {
        timeout: 15_000,
        polling: 200,
      },
    )
    .catch(() => undefined);
  // Late layout (fonts, a chart sizing itself) before measuring.
  await page.waitForTimeout(300);
}

describe('Baton pages at laptop widths', () => {
  let browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;

    it(`keeps every table word whole at ${size}`, async () => {
      const page = await browser.newPage({ viewport });
      await signInAsGuest(page);
      const problems = [];
      for (const { name, path: pagePath, ready } of PAGES) {
        const started = Date.now();
        await page.goto(`${baseUrl}${pagePath}`);
        await settle(page, ready);
        console.log(
          `${name} at ${size}: settled in ${Date.now() - started} ms`,
        );
        await page.screenshot({
          path: path.join(resultsDir, `layout-${name}-${size}.png`),
          fullPage: true,
        });
        const broken = await page.evaluate(wordsBrokenInCells);
        problems.push(...broken.map(word => `${name}: ${word}`));
        const cut = await page.evaluate(listTextsCut);
        problems.push(...cut.map(text => `${name}: ${text}`));
      }
      expect(problems).toEqual([]);
    });

    it(`fits the alert table in its card at ${size}`, async () => {
      const page = await browser.newPage({ viewport });
      await signInAsGuest(page);
      for (const service of ['checkout-api', 'order-batch']) {
        await page.goto(`${baseUrl}/catalog/default/component/${service}`);
        const card = page.locator('.MuiCard-root').filter({
          has: page.getByText('Alert history', { exact: true }),
        });
        await card.locator('table').first().waitFor({ timeout: 90_000 });
        const overflow = await page.evaluate(alertTableOverflow);
        expect(overflow).not.toBeNull();
        // Named, so that a failure says which service and by how much.
        expect({
          service,
          pastCard: Math.max(overflow.pastCard, 0),
          hiddenByScroll: Math.max(overflow.hiddenByScroll, 0),
        }).toEqual({ service, pastCard: 0, hiddenByScroll: 0 });
      }
    });
  }
});
