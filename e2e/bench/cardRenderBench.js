// Warm render of a service's four Baton cards in the production build of the
// app, served by the backend as an adopter runs it (scripts/card-render-bench.sh
// builds and starts it). Measures, in Chromium, from navigation to the moment
// all four cards show their content, and where that time goes.
//
//   BATON_BENCH_URL   the backend serving the built app (default http://localhost:7107)
//   BATON_BENCH_RUNS  warm runs of each kind (default 7)
const fs = require('fs');
const path = require('path');
const { SourceMapConsumer } = require('source-map');
const { launchBrowser, resultsDir } = require('../browser');

const baseUrl = process.env.BATON_BENCH_URL || 'http://localhost:7107';
const runs = Number(process.env.BATON_BENCH_RUNS || 7);
const entityPath = '/catalog/default/component/checkout-api';
const TARGET_MS = 1500;
const appDist = path.resolve(__dirname, '../../packages/app/dist/static');

/**
 * Runs in the page from document start: records long tasks (main-thread work
 * over 50 ms) and, polled every frame, when each card first shows content.
 */
function instrumentPage() {
  window.__batonBench = { longTasks: [], cards: {}, complete: null };
  try {
    new PerformanceObserver(list => {
      for (const entry of list.getEntries()) {
        window.__batonBench.longTasks.push({
          start: entry.startTime,
          duration: entry.duration,
        });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the report leaves it out.
  }
}

/**
 * In the page: whether each card has its content, timed with the page's own
 * clock (0 = the navigation's start). A card is complete when it shows its
 * data for checkout-api and nothing in it is still loading.
 */
function checkCards(since) {
  const bench = window.__batonBench;
  const cardWith = title =>
    [...document.querySelectorAll('.MuiCard-root')].find(card =>
      [
        ...card.querySelectorAll('.MuiCardHeader-title, h2, h3, h4, h5, h6'),
      ].some(heading => heading.textContent.trim() === title),
    );
  const loaded = card =>
    card && !card.querySelector('[data-testid="progress"]');
  const text = card => (card ? card.textContent : '');
  const checks = {
    slo: () => {
      const card = cardWith('Service level objectives');
      return loaded(card) && text(card).includes('Checkout availability');
    },
    alerts: () => {
      const card = cardWith('Alert history');
      return (
        loaded(card) &&
        !!card.querySelector('[role="group"][aria-label="MTTA"]')
      );
    },
    cost: () => {
      const card = cardWith('Cost');
      return loaded(card) && /\$[\d,]+\.\d\d/.test(text(card));
    },
    readiness: () => {
      const card = cardWith('Ready for leave');
      return (
        loaded(card) && !!card.querySelector('[role="img"][aria-label*="%"]')
      );
    },
  };
  const now = performance.now();
  for (const [name, check] of Object.entries(checks)) {
    if (bench.cards[name] === undefined && check())
      bench.cards[name] = now - since;
  }
  // A card can flash content and then reload; completion needs all four at once.
  if (Object.values(checks).every(check => check())) {
    bench.complete = now - since;
    return true;
  }
  return false;
}

/** The page's own account of where the time went, 0 = `since`. */
function timeline(since) {
  const bench = window.__batonBench;
  const resources = performance
    .getEntriesByType('resource')
    .filter(entry => entry.startTime >= since)
    .map(entry => ({
      path: new URL(entry.name).pathname,
      start: entry.startTime - since,
      end: entry.responseEnd - since,
      transferred: entry.transferSize,
      type: entry.initiatorType,
    }));
  const navigation = performance.getEntriesByType('navigation')[0];
  const paint = Object.fromEntries(
    performance
      .getEntriesByType('paint')
      .map(entry => [entry.name, entry.startTime]),
  );
  return {
    resources,
    navigation:
      since === 0 && navigation
        ? {
            responseEnd: navigation.responseEnd,
            domContentLoaded: navigation.domContentLoadedEventEnd,
            load: navigation.loadEventEnd,
          }
        : null,
    firstContentfulPaint:
      since === 0 ? paint['first-contentful-paint'] ?? null : null,
    longTasks: bench.longTasks.filter(task => task.start >= since),
    cards: bench.cards,
    complete: bench.complete,
  };
}

/** Waits until the four cards are complete; `since` is where 0 is on the page's clock. */
async function waitForCards(page, since, timeout) {
  await page.waitForFunction(checkCards, since, { polling: 'raf', timeout });
  return page.evaluate(timeline, since);
}

/** A full load of the entity page with the browser's cache warm. */
async function fullLoad(page, timeout) {
  await page.goto(`${baseUrl}${entityPath}`, { waitUntil: 'commit' });
  return waitForCards(page, 0, timeout);
}

/** A client-side move from the catalog to the entity page, as a click on its link does. */
async function inAppNavigation(page) {
  // The demo app mounts the catalog index at /.
  await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .waitFor({ state: 'attached' });
  // The catalog's own requests done, so that they do not share the measured time.
  await page.getByRole('table').first().waitFor();
  await page.waitForTimeout(1000);
  const since = await page.evaluate(target => {
    window.__batonBench = { ...window.__batonBench, cards: {}, complete: null };
    const start = performance.now();
    window.history.pushState({}, '', target);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    return start;
  }, entityPath);
  return waitForCards(page, since, 30_000);
}

const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = value =>
  value === null || value === undefined ? '—' : `${Math.round(value)} ms`;

/** The median run's time split into the phases a reader can act on. */
function phases(run) {
  const api = run.resources.filter(r => r.path.startsWith('/api/'));
  const scripts = run.resources.filter(
    r => r.type === 'script' || r.path.endsWith('.js'),
  );
  const apiOf = prefix => api.filter(r => r.path.startsWith(prefix));
  const span = list =>
    list.length
      ? {
          requests: list.length,
          first: Math.min(...list.map(r => r.start)),
          last: Math.max(...list.map(r => r.end)),
          slowest: list.reduce((a, b) =>
            b.end - b.start > a.end - a.start ? b : a,
          ),
        }
      : null;
  return {
    html: run.navigation?.responseEnd ?? null,
    scripts: span(scripts),
    scriptBytes: scripts.reduce((sum, r) => sum + (r.transferred || 0), 0),
    auth: span(apiOf('/api/auth/')),
    catalog: span(apiOf('/api/catalog/')),
    sre: span(apiOf('/api/sre/')),
    mainThreadLongTasks: run.longTasks.reduce((sum, t) => sum + t.duration, 0),
    cards: run.cards,
    complete: run.complete,
  };
}

function describePhases(label, p) {
  const spanText = s =>
    s
      ? `${s.requests} requests ${ms(s.first)} → ${ms(s.last)} (slowest ${
          s.slowest.path
        } ${ms(s.slowest.end - s.slowest.start)})`
      : 'none';
  return [
    `  ${label} (median run):`,
    p.html !== null ? `    HTML document        ${ms(p.html)}` : null,
    `    scripts              ${spanText(p.scripts)}, ${Math.round(
      p.scriptBytes / 1024,
    )} KiB over the network`,
    `    auth                 ${spanText(p.auth)}`,
    `    catalog              ${spanText(p.catalog)}`,
    `    Baton API            ${spanText(p.sre)}`,
    `    long tasks           ${ms(
      p.mainThreadLongTasks,
    )} of main-thread work in tasks over 50 ms`,
    `    cards complete       ${Object.entries(p.cards)
      .sort((a, b) => a[1] - b[1])
      .map(([name, at]) => `${name} ${ms(at)}`)
      .join(', ')}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * One more warm full load under Chromium's sampling profiler: main-thread
 * time by npm package (or Baton source file), through the build's source
 * maps. `(program)` is the browser's own work: parsing, style, layout, paint.
 */
async function profileFullLoad(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await fullLoad(page, 30_000);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();

  const nodes = new Map(profile.nodes.map(node => [node.id, node]));
  const maps = new Map();
  const mapOf = file => {
    if (!maps.has(file)) {
      const mapFile = path.join(appDist, `${file}.map`);
      maps.set(
        file,
        fs.existsSync(mapFile)
          ? new SourceMapConsumer(JSON.parse(fs.readFileSync(mapFile, 'utf8')))
          : null,
      );
    }
    return maps.get(file);
  };
  const where = ({ url, lineNumber, columnNumber, functionName }) => {
    if (!url) return `(${functionName || 'browser'})`;
    const file = url.split('/').pop();
    const map = lineNumber >= 0 ? mapOf(file) : null;
    if (!map) return file;
    const source =
      map.originalPositionFor({ line: lineNumber + 1, column: columnNumber })
        .source ?? '';
    const npm = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    if (npm) return npm[1];
    const baton = source.match(/(?:plugins|packages)\/.*$/);
    return baton ? baton[0] : file;
  };
  const byPlace = new Map();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const place = where(nodes.get(id).callFrame);
    byPlace.set(place, (byPlace.get(place) ?? 0) + micros);
    total += micros;
  });
  return {
    totalMs: Math.round(total / 1000),
    top: [...byPlace]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([place, micros]) => ({ place, ms: Math.round(micros / 1000) })),
  };
}

async function main() {
  const browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
  });
  await context.addInitScript(instrumentPage);
  const page = await context.newPage();

  // Sign in as the guest (the demo's sign-in page), then a cold load that
  // also waits for the demo data to arrive.
  await page.goto(baseUrl);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click();
  await enter.waitFor({ state: 'detached', timeout: 60_000 });
  // The cards load once per visit: reload until the demo's data is in them.
  const coldDeadline = Date.now() + 300_000;
  let cold;
  while (!cold) {
    try {
      cold = await fullLoad(page, 20_000);
    } catch (error) {
      if (Date.now() > coldDeadline) throw error;
    }
  }

  const full = [];
  const inApp = [];
  for (let i = 0; i < runs; i++) {
    full.push(await fullLoad(page, 30_000));
    inApp.push(await inAppNavigation(page));
  }
  const profile = await profileFullLoad(context, page);
  await page.screenshot({
    path: path.join(resultsDir, 'bench-card-render.png'),
    fullPage: false,
  });
  await browser.close();

  const summary = (list, kind) => {
    const times = list.map(run => run.complete);
    const mid =
      list[
        times.indexOf(
          [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)],
        )
      ];
    return {
      kind,
      runs: times.length,
      medianMs: Math.round(median(times)),
      maxMs: Math.round(Math.max(...times)),
      minMs: Math.round(Math.min(...times)),
      phases: phases(mid),
    };
  };
  const report = {
    url: `${baseUrl}${entityPath}`,
    targetMs: TARGET_MS,
    coldMs: Math.round(cold.complete),
    fullLoad: summary(full, 'full page load, warm cache'),
    inAppNavigation: summary(inApp, 'in-app navigation from the catalog'),
    profile,
  };
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(
    path.join(resultsDir, 'bench-card-render.json'),
    `${JSON.stringify({ ...report, runs: { cold, full, inApp } }, null, 2)}\n`,
  );

  console.log(
    `checkout-api's four cards, production build served by the backend (${baseUrl})`,
  );
  console.log(
    `  first complete load (after the demo data arrived): ${ms(report.coldMs)}`,
  );
  for (const s of [report.fullLoad, report.inAppNavigation]) {
    console.log(
      `  ${s.kind}: median ${ms(s.medianMs)} (min ${ms(s.minMs)}, max ${ms(
        s.maxMs,
      )}, ${s.runs} runs), target < ${TARGET_MS} ms: ${
        s.medianMs < TARGET_MS ? 'met' : 'MISSED'
      }`,
    );
  }
  console.log(describePhases('full page load', report.fullLoad.phases));
  console.log(
    describePhases('in-app navigation', report.inAppNavigation.phases),
  );
  console.log(
    `  main thread of one profiled full load (${profile.totalMs} ms sampled), by package:`,
  );
  for (const { place, ms: spent } of profile.top) {
    console.log(`    ${String(spent).padStart(5)} ms  ${place}`);
  }
  return report.fullLoad.medianMs < TARGET_MS ? 0 : 1;
}

main().then(
  code => process.exit(code),
  error => {
    console.error(error);
    process.exit(1);
  },
);
