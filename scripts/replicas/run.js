// The replica harness (scripts/replicas.sh starts PostgreSQL and runs this):
// two production-configured backends on one database, and checks that
// Baton's scheduled work runs once across them, that a webhook delivery may
// reach either, and that a replica killed with SIGKILL loses nothing it
// acknowledged. Prints each check with the counts it compared, then
// `N passed, N failed`.
//
//   BATON_REPLICAS_PG       PostgreSQL server (postgresql://user[:password]@host:port)
//   BATON_REPLICAS_RESULTS  folder for the replicas' logs
const { execFileSync, spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '../..');
const RESULTS =
  process.env.BATON_REPLICAS_RESULTS || path.join(ROOT, 'test-results');
const SERVER = new URL(
  process.env.BATON_REPLICAS_PG || 'postgresql://postgres@127.0.0.1:5432',
);
const DATABASE = 'baton_replicas';
// Each plugin's tables are in a schema named after it (pluginDivisionMode: schema).
const SRE = 'sre';
const TOKEN = crypto.randomBytes(24).toString('hex');
const WEBHOOK_SECRET = crypto.randomBytes(24).toString('hex');
const RUN_ID = Date.now().toString(36);

const REPLICAS = [
  { name: 'A', port: Number(process.env.BATON_REPLICAS_PORT_A || 7201) },
  { name: 'B', port: Number(process.env.BATON_REPLICAS_PORT_B || 7202) },
];

// The cadences of app-config.replicas.yaml, in seconds, by the task's status row.
const CADENCES = {
  'task:sre-slo-evaluation': 20,
  'task:sre-alert-poll': 20,
  'task:sre-knowledge-refresh': 30,
  'task:sre-cost-pull': 30,
  'task:sre-access-reminders': 30,
  'task:sre-access-campaign': 30,
};
const FIXTURE_CATALOG = path.join(__dirname, 'catalog.yaml');
// scripts/replicas.sh generates this history (60,000 commits) before the run:
// long enough for git to be seen reading it.
const KNOWLEDGE_REPO = path.join(RESULTS, 'knowledge-repo.git');
const KNOWLEDGE_CATALOG = path.join(RESULTS, 'knowledge-catalog.yaml');
const KNOWLEDGE_ENTITY = 'component:default/replica-knowledge';
const SCHEDULE_WINDOW_S = Number(process.env.BATON_REPLICAS_WINDOW_S || 120);
const WEBHOOK_ALERTS = 1000;
const WEBHOOK_CONCURRENCY = 16;

let passed = 0;
let failed = 0;
const log = message => console.error(`[replicas] ${message}`);
function report(name, ok, details) {
  if (ok) passed += 1;
  else failed += 1;
  log(`${ok ? 'ok' : 'FAILED'}: ${name}`);
  for (const line of details) log(`    ${line}`);
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** A client on the server's maintenance database or on the harness's own. */
async function connect(database) {
  const client = new Client({
    host: SERVER.hostname,
    port: Number(SERVER.port || 5432),
    user: decodeURIComponent(SERVER.username || 'postgres'),
    password: decodeURIComponent(SERVER.password || ''),
    database,
  });
  await client.connect();
  return client;
}

/** A fresh database on the server, dropped first when a run left one. */
async function createDatabase() {
  const admin = await connect('postgres');
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
}

async function dropDatabase() {
  const admin = await connect('postgres');
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Starts a replica as production runs it, in its own process group. */
function startReplica(replica, attempt = 1) {
  const url = `http://localhost:${replica.port}`;
  replica.url = url;
  replica.log = path.join(
    RESULTS,
    `replica-${replica.name.toLowerCase()}${
      attempt > 1 ? `-${attempt}` : ''
    }.log`,
  );
  const out = fs.openSync(replica.log, 'w');
  replica.process = spawn(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'src/index.ts',
      '--config',
      '../../app-config.production.yaml',
      '--config',
      '../../scripts/replicas/app-config.replicas.yaml',
    ],
    {
      cwd: path.join(ROOT, 'packages/backend'),
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        POSTGRES_HOST: SERVER.hostname,
        POSTGRES_PORT: SERVER.port || '5432',
        POSTGRES_USER: decodeURIComponent(SERVER.username || 'postgres'),
        POSTGRES_PASSWORD: decodeURIComponent(SERVER.password || ''),
        BATON_REPLICAS_DATABASE: DATABASE,
        BATON_REPLICAS_TOKEN: TOKEN,
        BATON_REPLICAS_WEBHOOK_SECRET: WEBHOOK_SECRET,
        BATON_REPLICAS_DIR: path.join(
          RESULTS,
          `replica-${replica.name.toLowerCase()}`,
        ),
        APP_CONFIG_backend_listen: `:${replica.port}`,
        APP_CONFIG_backend_baseUrl: url,
        APP_CONFIG_app_baseUrl: url,
        // The fixture catalog, and the entity whose repository is the generated history.
        APP_CONFIG_catalog_locations: JSON.stringify(
          [FIXTURE_CATALOG, KNOWLEDGE_CATALOG].map(target => ({
            type: 'file',
            target,
            rules: [{ allow: ['Component', 'Group', 'User'] }],
          })),
        ),
        APP_CONFIG_sre_knowledge_git_localRoots: JSON.stringify([RESULTS]),
        // Per replica, e.g. its webhook secret list during a rolling deploy.
        ...replica.env,
      },
    },
  );
  fs.closeSync(out);
  replica.exited = new Promise(resolve => replica.process.on('exit', resolve));
  replica.alive = true;
  replica.exited.then(() => {
    replica.alive = false;
  });
}

/** Ends a replica's whole process group: SIGTERM to stop, SIGKILL to crash. */
async function stopReplica(replica, signal = 'SIGTERM') {
  if (!replica.process || !replica.alive) return;
  try {
    process.kill(-replica.process.pid, signal);
  } catch {
    return;
  }
  await Promise.race([replica.exited, sleep(15_000)]);
}

/** Why a start failed, from its log: the plugin and the error. */
function startupFailure(replica) {
  const text = fs.readFileSync(replica.log, 'utf8');
  // In a JSON log line the message ends at an escaped newline or its closing quote.
  const match =
    /Plugin '([^']+)' startup failed; caused by (.*?)(?:\\n|","|$)/m.exec(text);
  if (!match) return 'see its log';
  const message = match[2].replace(/\\"/g, '"');
  // A core service of the plugin (its auth keys, its router) is Backstage's: named apart.
  const services = [
    ...message.matchAll(/Failed to instantiate service '([^']+)'/g),
  ].map(service => service[1]);
  const cause = message
    .split('because the factory function threw an error, ')
    .pop();
  return `plugin ${match[1]}${
    services.length ? ` (service ${services[services.length - 1]})` : ''
  }: ${cause.slice(0, 200)}`;
}

/** Whether a replica's log says it waited for the other's startup lock. */
function waitedForStartupLock(replica) {
  return fs
    .readFileSync(replica.log, 'utf8')
    .includes('startup lock: another replica is starting; waiting');
}

/**
 * Starts a replica and waits until it is ready (every plugin started), as a
 * supervisor would: a replica whose start failed exits (packages/backend's
 * index.ts) and is started again, up to three times. Returns the failed
 * starts, or null when it never became ready.
 */
async function startUntilReady(replica, seconds, firstAttempt = 1) {
  const failures = [];
  const deadline = Date.now() + seconds * 1000;
  for (let attempt = firstAttempt; attempt < firstAttempt + 3; attempt++) {
    startReplica(replica, attempt);
    for (;;) {
      try {
        const response = await fetch(
          `${replica.url}/.backstage/health/v1/readiness`,
        );
        if (response.ok) return failures;
      } catch {
        // Not listening yet.
      }
      if (!replica.alive || Date.now() > deadline) break;
      await sleep(1000);
    }
    if (replica.alive) {
      await stopReplica(replica, 'SIGKILL');
      failures.push('not ready in time');
      break;
    }
    failures.push(startupFailure(replica));
  }
  const tail = fs.readFileSync(replica.log, 'utf8').split('\n').slice(-30);
  log(
    `replica ${replica.name} did not become ready (${failures.join(
      '; ',
    )}); the end of ${replica.log}:`,
  );
  for (const line of tail) log(`    ${line.slice(0, 400)}`);
  return null;
}

/** The fixture catalog as a replica serves it, through the static token. */
async function catalogComponents(replica) {
  const response = await fetch(
    `${replica.url}/api/catalog/entities/by-query?filter=kind=component&limit=100`,
    {
      headers: { authorization: `Bearer ${TOKEN}` },
    },
  );
  if (!response.ok) return 0;
  return (await response.json()).items.length;
}

/**
 * One delivery of the generic webhook; a 503 is retried as a sender would,
 * up to `attempts` times (or until `retryUntil`, epoch ms).
 */
async function deliver(
  replica,
  key,
  stats,
  { secret = WEBHOOK_SECRET, attempts = 5, retryUntil = 0 } = {},
) {
  const body = JSON.stringify({
    alerts: [
      {
        key,
        title: `Replica harness alert ${key}`,
        severity: 'warning',
        status: 'firing',
        startsAt: '2026-12-01T10:00:00Z',
        labels: { service: 'replica-checkout' },
      },
    ],
  });
  for (let attempt = 1; ; attempt++) {
    let status;
    try {
      const response = await fetch(`${replica.url}/api/sre/webhooks/generic`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${secret}`,
          'content-type': 'application/json',
        },
        body,
      });
      await response.arrayBuffer();
      status = response.status;
      stats.answered += 1;
    } catch {
      // The replica is gone or the connection dropped: not acknowledged.
      stats.unanswered += 1;
      return false;
    }
    if (status >= 200 && status < 300) {
      stats.acknowledged += 1;
      return true;
    }
    stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
    if (status !== 503) return false;
    if (attempt >= attempts && Date.now() >= retryUntil) return false;
    stats.retried += 1;
    await sleep(Math.min(200 * attempt, 1000));
  }
}

const newStats = () => ({
  answered: 0,
  acknowledged: 0,
  unanswered: 0,
  retried: 0,
  statuses: {},
});
const describeStatuses = statuses =>
  Object.entries(statuses)
    .map(([status, n]) => `${n}× ${status}`)
    .join(', ') || 'none';

/** Runs `work` on each item with at most `limit` at once. */
async function pool(items, limit, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

/** The finished runs of every source, read from the status table. */
async function sourceRuns(db) {
  const { rows } = await db.query(
    `SELECT id, runs FROM ${SRE}.sre_source_status`,
  );
  return Object.fromEntries(rows.map(row => [row.id, Number(row.runs)]));
}

async function dbNow(db) {
  const { rows } = await db.query('SELECT now() AS now');
  return new Date(rows[0].now);
}

/** How many stored alerts (and their `fired` events) have these keys. */
async function storedAlerts(db, keys) {
  const { rows } = await db.query(
    `SELECT a.source_key, count(DISTINCT a.id)::int AS alerts, count(e.id)::int AS fired
       FROM ${SRE}.sre_alerts a
       LEFT JOIN ${SRE}.sre_alert_events e ON e.alert_id = a.id AND e.type = 'fired'
      WHERE a.source = 'generic' AND a.source_key = ANY($1)
      GROUP BY a.source_key`,
    [keys],
  );
  return new Map(rows.map(row => [row.source_key, row]));
}

/** Webhooks anywhere: each alert to both replicas at once; stored once, every acknowledged one present. */
async function checkWebhooksAnywhere(db) {
  const [a, b] = REPLICAS;
  const before = (await sourceRuns(db))['webhook:generic'] ?? 0;
  const keys = Array.from(
    { length: WEBHOOK_ALERTS },
    (_, i) => `replicas-${RUN_ID}-anywhere-${i}`,
  );
  const stats = newStats();
  const acknowledged = new Set();
  const started = Date.now();
  await pool(keys, WEBHOOK_CONCURRENCY, async (key, index) => {
    // The original to one replica, its duplicate to the other at the same moment.
    const [first, second] = index % 2 ? [a, b] : [b, a];
    const results = await Promise.all([
      deliver(first, key, stats),
      deliver(second, key, stats),
    ]);
    if (results.some(Boolean)) acknowledged.add(key);
  });
  const seconds = (Date.now() - started) / 1000;
  const stored = await storedAlerts(db, keys);
  const missing = [...acknowledged].filter(key => !stored.has(key));
  const twice = [...stored.values()].filter(
    row => row.alerts !== 1 || row.fired !== 1,
  );
  const runs = ((await sourceRuns(db))['webhook:generic'] ?? 0) - before;
  report(
    'webhooks anywhere',
    missing.length === 0 &&
      twice.length === 0 &&
      acknowledged.size === keys.length &&
      stats.unanswered === 0 &&
      runs === stats.answered,
    [
      `${keys.length * 2} deliveries of ${
        keys.length
      } alerts, each to both replicas at once, in ${seconds.toFixed(1)} s: ` +
        `${stats.acknowledged} acknowledged (2xx), ${
          stats.retried
        } retried after 503, other answers: ${describeStatuses(
          stats.statuses,
        )}, ${stats.unanswered} unanswered`,
      `${acknowledged.size} of ${keys.length} alerts acknowledged at least once; ${stored.size} stored, ${missing.length} acknowledged but missing`,
      `${twice.length} alerts stored more than once or without exactly one 'fired' event`,
      `webhook:generic runs counted: ${runs}, answered deliveries: ${stats.answered}`,
    ],
  );
}

/** The task runs since `before`, against the cadences elapsed in `seconds`. */
function compareRuns(before, after, seconds, replicas) {
  const lines = [];
  let ok = true;
  for (const [id, cadence] of Object.entries(CADENCES)) {
    const runs = (after[id] ?? 0) - (before[id] ?? 0);
    const cadences = seconds / cadence;
    // The window's two edges may each cut a cadence: ±1.
    const fits = Math.abs(runs - cadences) <= 1;
    ok &&= fits;
    lines.push(
      `${id.replace(/^task:/, '')}: ${runs} runs in ${cadences.toFixed(
        1,
      )} cadences of ${cadence} s across ${replicas} replicas` +
        (fits ? '' : ' — expected one run per cadence (±1)'),
    );
  }
  return { ok, lines };
}

/** Scheduled work once: runs per task across both replicas against the cadences elapsed. */
async function checkScheduledOnce(db, during) {
  const t0 = await dbNow(db);
  const before = await sourceRuns(db);
  await during();
  const rest = SCHEDULE_WINDOW_S * 1000 - (Date.now() - t0.getTime());
  if (rest > 0) await sleep(rest);
  const t1 = await dbNow(db);
  const after = await sourceRuns(db);
  const seconds = (t1 - t0) / 1000;
  const { ok, lines } = compareRuns(before, after, seconds, 2);
  report('scheduled work once', ok, [
    `window of ${seconds.toFixed(
      0,
    )} s read from sre_source_status.runs; ±1 run allowed for the window's edges`,
    ...lines,
  ]);
}

/** A replica killed mid-ingestion: the survivor goes on, nothing acknowledged is lost, the killed one restarts. */
async function checkReplicaKilled(db) {
  const [survivor, victim] = REPLICAS;
  const keys = Array.from(
    { length: 600 },
    (_, i) => `replicas-${RUN_ID}-killed-${i}`,
  );
  const stats = { [survivor.name]: newStats(), [victim.name]: newStats() };
  const acknowledged = new Set();
  let killedAt;
  const ingestion = pool(keys, WEBHOOK_CONCURRENCY, async (key, index) => {
    if (index === keys.length / 3 && !killedAt) {
      killedAt = Date.now();
      await stopReplica(victim, 'SIGKILL');
    }
    const replica = index % 2 ? survivor : victim;
    if (await deliver(replica, key, stats[replica.name])) acknowledged.add(key);
  });
  await ingestion;
  const killedRuns = await sourceRuns(db);
  const killedTime = await dbNow(db);

  // Restarted at once: it starts (and runs the migrations) while the survivor works on.
  const restartFailures = await startUntilReady(victim, 240, 2);
  const restarted = restartFailures !== null && restartFailures.length === 0;
  const afterRestart = newStats();
  const restartKeys = Array.from(
    { length: 50 },
    (_, i) => `replicas-${RUN_ID}-restarted-${i}`,
  );
  if (restarted) {
    await pool(restartKeys, 8, async key => {
      if (await deliver(victim, key, afterRestart)) acknowledged.add(key);
    });
  }
  // The survivor has had time to run every task once more: a lock the killed
  // replica held expires after the task's timeout (the same as its cadence).
  const waitUntil =
    killedTime.getTime() +
    2 * Math.max(...Object.values(CADENCES)) * 1000 +
    5000;
  if (Date.now() < waitUntil) await sleep(waitUntil - Date.now());
  const laterRuns = await sourceRuns(db);
  const idle = Object.keys(CADENCES).filter(
    id => (laterRuns[id] ?? 0) <= (killedRuns[id] ?? 0),
  );

  const all = [...keys, ...restartKeys];
  const stored = await storedAlerts(db, all);
  const missing = [...acknowledged].filter(key => !stored.has(key));
  const survivorStats = stats[survivor.name];
  const victimStats = stats[victim.name];
  report(
    'a replica killed',
    restarted &&
      missing.length === 0 &&
      idle.length === 0 &&
      survivorStats.acknowledged === keys.length / 2 &&
      afterRestart.acknowledged === restartKeys.length,
    [
      `replica ${victim.name} killed with SIGKILL after ${keys.length / 3} of ${
        keys.length
      } deliveries`,
      `survivor ${survivor.name}: ${survivorStats.acknowledged} of ${
        keys.length / 2
      } deliveries acknowledged (other answers: ${describeStatuses(
        survivorStats.statuses,
      )})`,
      `killed ${victim.name}: ${victimStats.acknowledged} acknowledged before the kill, ${victimStats.unanswered} unanswered after it`,
      `${acknowledged.size} acknowledged deliveries in all, ${missing.length} missing from sre_alerts`,
      restarted
        ? `${victim.name} restarted on the same database and acknowledged ${afterRestart.acknowledged} of ${restartKeys.length} deliveries`
        : `${victim.name} did not restart: see ${victim.log}`,
      `scheduled tasks that did not run again after the kill: ${
        idle.length ? idle.join(', ') : 'none'
      }`,
    ],
  );
}

/** One delivery, not retried: its HTTP status, or 0 when unanswered. */
async function deliverOnce(replica, key, secret) {
  const stats = newStats();
  const ok = await deliver(replica, key, stats, { secret, attempts: 1 });
  if (ok) return 200;
  return Number(Object.keys(stats.statuses)[0] ?? 0);
}

/**
 * A rolling deploy that rotates the webhook secret: each replica in turn is
 * stopped (SIGTERM) and started again with the list [old, new], while
 * deliveries signed with the old secret keep going to whichever replica is
 * up, as a load balancer routes them. Midway one replica has the old list
 * and the other the new one: the old secret works on both, the new one on
 * the restarted replica only, until the other is restarted too.
 */
async function checkRollingDeploy(db) {
  const [a, b] = REPLICAS;
  const newSecret = crypto.randomBytes(24).toString('hex');
  const secrets = JSON.stringify([WEBHOOK_SECRET, newSecret]);
  const stats = newStats();
  const acknowledged = new Set();
  let sent = 0;
  const key = tag => `replicas-${RUN_ID}-rolling-${tag}-${sent++}`;
  let trafficOn = true;
  const traffic = (async () => {
    while (trafficOn) {
      for (const replica of REPLICAS.filter(r => r.alive && !r.restarting)) {
        const k = key('old');
        if (await deliver(replica, k, stats)) acknowledged.add(k);
      }
      await sleep(50);
    }
  })();
  const restarts = [];
  let midway;
  for (const replica of [b, a]) {
    replica.restarting = true;
    // Deliveries already sent to it finish: Backstage drains on SIGTERM.
    await sleep(200);
    await stopReplica(replica);
    replica.env = { APP_CONFIG_sre_webhooks_generic_secrets: secrets };
    restarts.push(await startUntilReady(replica, 180, 5));
    replica.restarting = false;
    if (replica === b) {
      midway = {
        oldToA: await deliverOnce(a, key('mid'), WEBHOOK_SECRET),
        oldToB: await deliverOnce(b, key('mid'), WEBHOOK_SECRET),
        newToB: await deliverOnce(b, key('mid'), newSecret),
        newToA: await deliverOnce(a, key('mid'), newSecret),
      };
    }
  }
  trafficOn = false;
  await traffic;
  const after = {
    newToA: await deliverOnce(a, key('new'), newSecret),
    newToB: await deliverOnce(b, key('new'), newSecret),
  };
  const keys = Array.from(acknowledged);
  const stored = await storedAlerts(db, keys);
  const missing = keys.filter(k => !stored.has(k));
  const restarted = restarts.every(f => f && f.length === 0);
  report(
    'rolling deploy with a rotated webhook secret',
    restarted &&
      midway?.oldToA === 200 &&
      midway?.oldToB === 200 &&
      midway?.newToB === 200 &&
      midway?.newToA === 401 &&
      after.newToA === 200 &&
      after.newToB === 200 &&
      Object.keys(stats.statuses).length === 0 &&
      stats.unanswered === 0 &&
      missing.length === 0,
    [
      `B, then A, stopped with SIGTERM and started with the secret list [old, new]: ${
        restarted ? 'both ready at the first attempt' : 'a restart failed'
      }`,
      `meanwhile ${
        stats.acknowledged
      } deliveries with the old secret to the replica(s) up: other answers: ${describeStatuses(
        stats.statuses,
      )}, ${stats.unanswered} unanswered`,
      midway
        ? `midway (A old list, B new list): old secret → A ${midway.oldToA}, → B ${midway.oldToB}; new secret → B ${midway.newToB}, → A ${midway.newToA} (401 expected: A not yet deployed)`
        : 'midway: not reached',
      `after the deploy: new secret → A ${after.newToA}, → B ${after.newToB}`,
      `${keys.length} acknowledged deliveries, ${missing.length} missing from sre_alerts`,
    ],
  );
}

const runPostgres = action =>
  execFileSync(
    'bash',
    [
      path.join(ROOT, 'scripts/postgres.sh'),
      action,
      process.env.BATON_REPLICAS_PG_DIR,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );

/**
 * PostgreSQL stopped for 10 s in the middle of ingestion: senders get 503
 * and retry; nothing acknowledged is lost; the same replica processes take
 * deliveries and run their scheduled work afterwards. Ends `db` (the server
 * goes away) and returns a new client.
 */
async function checkDatabaseRestart(db) {
  const pids = REPLICAS.map(replica => replica.process.pid);
  await db.end();
  const stats = newStats();
  const acknowledged = new Set();
  const keys = [];
  const started = Date.now();
  const outageAt = started + 8_000;
  const outageMs = 10_000;
  const trafficEnd = outageAt + outageMs + 10_000;
  // Senders keep retrying a 503 for up to 90 s, as Alertmanager does.
  const retryUntil = trafficEnd + 90_000;
  const duringOutage = newStats();
  let outage = false;
  const workers = Array.from({ length: 8 }, async (_, w) => {
    for (let i = 0; Date.now() < trafficEnd; i++) {
      const k = `replicas-${RUN_ID}-dbrestart-${w}-${i}`;
      keys.push(k);
      const replica = REPLICAS[(w + i) % 2];
      const tally = outage ? duringOutage : stats;
      if (await deliver(replica, k, tally, { attempts: 1, retryUntil }))
        acknowledged.add(k);
      await sleep(100);
    }
  });
  await sleep(outageAt - Date.now());
  outage = true;
  runPostgres('stop');
  const stoppedAt = Date.now();
  await sleep(outageMs);
  runPostgres('resume');
  outage = false;
  const resumedAt = Date.now();
  await Promise.all(workers);
  const drained = Date.now();

  const fresh = await connect(DATABASE);
  const runsAtResume = await sourceRuns(fresh);
  // Every task may have been due during the outage: each must run again.
  const waitUntil = drained + 2 * Math.max(...Object.values(CADENCES)) * 1000;
  let idle = Object.keys(CADENCES);
  while (idle.length && Date.now() < waitUntil) {
    await sleep(2000);
    const runs = await sourceRuns(fresh);
    idle = idle.filter(id => (runs[id] ?? 0) <= (runsAtResume[id] ?? 0));
  }
  const stored = await storedAlerts(fresh, keys);
  const missing = [...acknowledged].filter(k => !stored.has(k));
  const twice = [...stored.values()].filter(row => row.alerts !== 1);
  const samePids = REPLICAS.every(
    (replica, i) => replica.alive && replica.process.pid === pids[i],
  );
  const ready = await Promise.all(
    REPLICAS.map(replica =>
      fetch(`${replica.url}/.backstage/health/v1/readiness`)
        .then(response => response.ok)
        .catch(() => false),
    ),
  );
  const total = newStats();
  for (const tally of [stats, duringOutage]) {
    total.acknowledged += tally.acknowledged;
    total.unanswered += tally.unanswered;
    total.retried += tally.retried;
  }
  const otherThan503 = Object.keys(duringOutage.statuses)
    .concat(Object.keys(stats.statuses))
    .filter(status => status !== '503');
  report(
    'database restart during ingestion',
    missing.length === 0 &&
      twice.length === 0 &&
      acknowledged.size === keys.length &&
      total.unanswered === 0 &&
      otherThan503.length === 0 &&
      samePids &&
      ready.every(Boolean) &&
      idle.length === 0,
    [
      `PostgreSQL stopped ${((stoppedAt - started) / 1000).toFixed(
        0,
      )} s into ${((trafficEnd - started) / 1000).toFixed(
        0,
      )} s of deliveries, started again after ${(
        (resumedAt - stoppedAt) /
        1000
      ).toFixed(0)} s; the last retry ended ${(
        (drained - resumedAt) /
        1000
      ).toFixed(0)} s after that`,
      `${keys.length} alerts sent: ${acknowledged.size} acknowledged, ${
        total.retried
      } retries after 503; answers sent during the outage: ${describeStatuses(
        duringOutage.statuses,
      )}; other answers: ${describeStatuses(stats.statuses)}; ${
        total.unanswered
      } unanswered`,
      `${missing.length} acknowledged but missing from sre_alerts, ${twice.length} stored twice`,
      `replicas: ${
        samePids ? 'the same processes as before' : 'a replica exited'
      }, readiness ${REPLICAS.map(
        (r, i) => `${r.name} ${ready[i] ? 'ok' : 'failing'}`,
      ).join(', ')}`,
      `scheduled tasks that did not run again after the restart: ${
        idle.length ? idle.join(', ') : 'none'
      }`,
    ],
  );
  return fresh;
}

/**
 * A FOCUS 1.0 CSV of one-day rows, tags × service names × days, and its
 * exact EffectiveCost total in millionths.
 */
function focusFile(tags, services, days) {
  const lines = [
    'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,Tags',
  ];
  let micros = 0n;
  const first = Date.UTC(2026, 8, 1);
  for (let d = 0; d < days; d++) {
    const start = new Date(first + d * 86_400_000).toISOString();
    const end = new Date(first + (d + 1) * 86_400_000).toISOString();
    for (let t = 0; t < tags; t++) {
      for (let s = 0; s < services; s++) {
        const units = (d * 7919 + t * 104_729 + s * 1_299_709) % 9_000_000;
        micros += BigInt(units);
        const amount = `${Math.floor(units / 1e6)}.${String(
          units % 1e6,
        ).padStart(6, '0')}`;
        lines.push(
          `${amount},${amount},USD,${start},${end},Service ${s},"{""service"":""svc-${t}""}"`,
        );
      }
    }
  }
  const total = `${micros / 1_000_000n}.${String(micros % 1_000_000n).padStart(
    6,
    '0',
  )}`;
  return {
    body: Buffer.from(`${lines.join('\n')}\n`),
    rows: lines.length - 1,
    total,
  };
}

/** A cost file upload through the static token; its HTTP status, or 0 when unanswered. */
async function uploadCosts(replica, source, body) {
  try {
    const response = await fetch(
      `${replica.url}/api/sre/costs/import?source=${source}&format=focus`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TOKEN}`,
          'content-type': 'text/csv',
        },
        body,
      },
    );
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** What a source has stored: daily rows, their exact EffectiveCost sum, and logged imports. */
async function storedCosts(db, source) {
  const { rows } = await db.query(
    `SELECT (SELECT count(*)::int FROM ${SRE}.sre_cost_daily WHERE source = $1) AS days,
            (SELECT coalesce(sum(effective::numeric), 0)::text FROM ${SRE}.sre_cost_daily WHERE source = $1) AS total,
            (SELECT count(*)::int FROM ${SRE}.sre_cost_imports WHERE source = $1) AS imports`,
    [source],
  );
  return rows[0];
}

/**
 * A replica killed with SIGKILL while it writes a cost import (seen in
 * pg_stat_activity): nothing of the import is visible; the same file sent
 * to the survivor is stored whole and exact; the killed replica restarts.
 */
async function checkCostImportKilled(db) {
  const [victim, survivor] = REPLICAS;
  const source = `replicas-${RUN_ID}-kill`;
  // Uploads are stored under `upload:<source>`.
  const stored = `upload:${source}`;
  const file = focusFile(300, 10, 60);
  const upload = uploadCosts(victim, source, file.body);
  // Killed at the first sight of its write (a COPY on PostgreSQL), inside the import's transaction.
  const deadline = Date.now() + 120_000;
  let writing = false;
  while (!writing && Date.now() < deadline) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()
          AND query ~* '(insert into|delete from|copy) "?sre_cost_daily'`,
      [DATABASE],
    );
    writing = rows[0].n > 0;
    if (!writing) await sleep(5);
  }
  await stopReplica(victim, 'SIGKILL');
  const victimStatus = await upload;
  // The server rolls back the killed replica's transaction once it sees its connection close.
  for (let i = 0; i < 50; i++) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid() AND query ILIKE '%sre_cost_daily%'
          AND state <> 'idle'`,
      [DATABASE],
    );
    if (rows[0].n === 0) break;
    await sleep(100);
  }
  const afterKill = await storedCosts(db, stored);
  const survivorStatus = await uploadCosts(survivor, source, file.body);
  const afterSurvivor = await storedCosts(db, stored);
  const restartFailures = await startUntilReady(victim, 240, 8);
  const restarted = restartFailures !== null && restartFailures.length === 0;
  const exact =
    afterSurvivor.total.replace(/0+$/, '').replace(/\.$/, '') ===
    file.total.replace(/0+$/, '').replace(/\.$/, '');
  report(
    'a replica killed during a cost import',
    writing &&
      victimStatus === 0 &&
      afterKill.days === 0 &&
      afterKill.imports === 0 &&
      survivorStatus === 200 &&
      afterSurvivor.days === file.rows &&
      afterSurvivor.imports === 1 &&
      exact &&
      restarted,
    [
      `${victim.name} killed with SIGKILL ${
        writing
          ? 'while its import of'
          : 'without ever being seen writing its import of'
      } ${file.rows} FOCUS rows (${(file.body.length / 1e6).toFixed(
        0,
      )} MB) wrote sre_cost_daily; its upload answered ${
        victimStatus || 'nothing'
      }`,
      `visible after the kill: ${afterKill.days} daily rows, ${afterKill.imports} imports (0 and 0 expected)`,
      `the same file to ${survivor.name}: ${survivorStatus}; ${afterSurvivor.days} daily rows of ${file.rows}, ${afterSurvivor.imports} import logged, EffectiveCost ${afterSurvivor.total} against ${file.total} in the file`,
      restarted
        ? `${victim.name} restarted cleanly`
        : `${victim.name} did not restart: see ${victim.log}`,
    ],
  );
}

/**
 * The `git` processes the replicas run right now, by replica. Baton starts
 * each git in a process group of its own (to stop it whole), so they are
 * found by their parent, the replica's node process.
 */
function gitProcessesByReplica() {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], {
    encoding: 'utf8',
  });
  const found = new Map();
  for (const line of out.split('\n')) {
    const [pid, ppid, comm] = line.trim().split(/\s+/);
    if (comm !== 'git') continue;
    const replica = REPLICAS.find(
      r => r.alive && r.process?.pid === Number(ppid),
    );
    if (replica) found.set(replica, [...(found.get(replica) ?? []), +pid]);
  }
  return found;
}

/** Whether a process still runs: a zombie (exited, not yet reaped by whoever adopted it) does not. */
const processAlive = pid => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return (
      stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
    );
  } catch {
    return false;
  }
};

/** An entity's knowledge report through the static token: its HTTP status and body. */
async function knowledgeReport(replica, entityRef) {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  const response = await fetch(
    `${replica.url}/api/sre/entities/${kind}/${namespace}/${name}/knowledge`,
    { headers: { authorization: `Bearer ${TOKEN}` } },
  );
  return {
    status: response.status,
    body: response.ok ? await response.json() : undefined,
  };
}

/**
 * A replica killed with SIGKILL while its knowledge refresh has git reading
 * the generated history: its git processes go with it, what is stored is
 * the last whole snapshot or none, and the survivor refreshes the entity
 * once the killed run's lock expires.
 */
async function checkKnowledgeRefreshKilled(db) {
  const deadline =
    Date.now() + 2 * CADENCES['task:sre-knowledge-refresh'] * 1000 + 30_000;
  let runner;
  let gitPids = [];
  while (!runner && Date.now() < deadline) {
    const [first] = gitProcessesByReplica();
    if (first) [runner, gitPids] = first;
    else await sleep(20);
  }
  const survivor = REPLICAS.find(replica => replica !== runner);
  const runsBefore = (await sourceRuns(db))['task:sre-knowledge-refresh'] ?? 0;
  if (runner) await stopReplica(runner, 'SIGKILL');
  const killedAt = Date.now();
  // A git whose reader died fails on its next write to the closed pipe.
  let orphans = gitPids.filter(processAlive);
  while (orphans.length && Date.now() < killedAt + 10_000) {
    await sleep(200);
    orphans = orphans.filter(processAlive);
  }
  const afterKill = await knowledgeReport(survivor, KNOWLEDGE_ENTITY);
  const wholeOrNone =
    afterKill.status === 404 ||
    (afterKill.status === 200 &&
      afterKill.body.status === 'ok' &&
      afterKill.body.fileCount > 0);

  // The killed run's lock lasts its timeout; the survivor's next run refreshes the entity.
  const waitUntil =
    killedAt + 3 * CADENCES['task:sre-knowledge-refresh'] * 1000 + 15_000;
  let refreshed;
  let runsAfter = runsBefore;
  while (Date.now() < waitUntil) {
    runsAfter = (await sourceRuns(db))['task:sre-knowledge-refresh'] ?? 0;
    const report = await knowledgeReport(survivor, KNOWLEDGE_ENTITY);
    if (
      runsAfter > runsBefore &&
      report.status === 200 &&
      report.body.status === 'ok' &&
      Date.parse(report.body.computedAt) > killedAt
    ) {
      refreshed = report.body;
      break;
    }
    await sleep(2000);
  }
  const restartFailures = runner
    ? await startUntilReady(runner, 240, 12)
    : null;
  const restarted = restartFailures !== null && restartFailures.length === 0;
  report(
    'a replica killed during a knowledge refresh',
    Boolean(runner) &&
      orphans.length === 0 &&
      wholeOrNone &&
      Boolean(refreshed) &&
      restarted,
    [
      runner
        ? `${runner.name} killed with SIGKILL while git read the generated history (60,000 commits) for its refresh`
        : 'no replica was seen running git for a knowledge refresh',
      `its ${gitPids.length} git process(es) still running 10 s after the kill: ${orphans.length}`,
      `${KNOWLEDGE_ENTITY} right after the kill: ${
        afterKill.status === 200
          ? `a whole snapshot (${afterKill.body.status}, ${afterKill.body.fileCount} files)`
          : afterKill.status
      }`,
      refreshed
        ? `${survivor.name} refreshed it ${(
            (Date.parse(refreshed.computedAt) - killedAt) /
            1000
          ).toFixed(0)} s after the kill: ${
            refreshed.fileCount
          } files, truck factor ${
            refreshed.truckFactor
          }; task runs ${runsBefore} → ${runsAfter}`
        : `${survivor?.name} did not refresh it within ${(
            (waitUntil - killedAt) /
            1000
          ).toFixed(0)} s (task runs ${runsBefore} → ${runsAfter})`,
      runner
        ? restarted
          ? `${runner.name} restarted cleanly`
          : `${runner.name} did not restart: see ${runner.log}`
        : '',
    ].filter(Boolean),
  );
}

async function main() {
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(
    KNOWLEDGE_CATALOG,
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: replica-knowledge',
      '  annotations:',
      `    baton.dev/repos: ./${path.basename(KNOWLEDGE_REPO)}`,
      'spec:',
      '  type: service',
      '  lifecycle: production',
      '  owner: group:payments',
      '',
    ].join('\n'),
  );
  const started = Date.now();
  await createDatabase();
  let db;
  try {
    // Both at once, as on a first deploy of two replicas.
    const starts = await Promise.all(
      REPLICAS.map(replica => startUntilReady(replica, 300)),
    );
    const startSeconds = ((Date.now() - started) / 1000).toFixed(0);
    // Each replica holds the startup lock while it starts
    // (packages/backend/src/startupLock.ts), so no plugin's migrations race
    // the other replica's: neither may need a second start.
    report(
      'two replicas start at once on one database',
      starts.every(failures => failures && failures.length === 0),
      [
        `${starts.filter(Boolean).length} of ${
          REPLICAS.length
        } replicas ready after ${startSeconds} s (ports ${REPLICAS.map(
          r => r.port,
        ).join(', ')})`,
        ...REPLICAS.map(
          (replica, i) =>
            `${replica.name}: ${
              starts[i]?.length
                ? `started again after ${
                    starts[i].length
                  } failed start(s): ${starts[i].join('; ')}`
                : starts[i]
                ? `started at the first attempt${
                    waitedForStartupLock(replica)
                      ? ', after waiting for the other to start'
                      : ''
                  }`
                : 'never ready'
            }`,
        ),
      ],
    );
    if (!starts.every(Boolean)) return;

    const deadline = Date.now() + 120_000;
    let components = [];
    while (Date.now() < deadline) {
      components = await Promise.all(REPLICAS.map(catalogComponents));
      if (components.every(n => n >= 4)) break;
      await sleep(2000);
    }
    report(
      'the fixture catalog, through the static token',
      components.every(n => n >= 4),
      [
        `components served: ${REPLICAS.map(
          (r, i) => `${r.name} ${components[i]}`,
        ).join(', ')} (3 in the fixture, 1 reading the generated history)`,
      ],
    );

    db = await connect(DATABASE);
    // The webhooks take their share of the scheduling window.
    await checkScheduledOnce(db, () => checkWebhooksAnywhere(db));
    await checkRollingDeploy(db);
    if (process.env.BATON_REPLICAS_PG_DIR) db = await checkDatabaseRestart(db);
    if (process.env.BATON_REPLICAS_KILL !== '0') {
      await checkReplicaKilled(db);
      await checkCostImportKilled(db);
      await checkKnowledgeRefreshKilled(db);
    }
  } finally {
    await db?.end();
    await Promise.all(REPLICAS.map(replica => stopReplica(replica)));
    if (process.env.BATON_REPLICAS_KEEP_DATABASE !== '1')
      await dropDatabase().catch(() => undefined);
    log(
      `done in ${((Date.now() - started) / 1000).toFixed(
        0,
      )} s; the replicas' logs are in ${RESULTS}`,
    );
  }
}

// Interrupted: the replicas' process groups go too.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const replica of REPLICAS) {
      if (replica.alive) process.kill(-replica.process.pid, 'SIGKILL');
    }
    process.exit(1);
  });
}

main()
  .catch(error => {
    failed += 1;
    log(`FAILED: ${error.stack || error}`);
  })
  .finally(() => {
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
  });
