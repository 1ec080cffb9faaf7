import { createBackend } from '@backstage/backend-defaults';
import { ConfigSources } from '@backstage/config-loader';
import { holdStartupLock, postgresConnection } from './startupLock';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// techdocs
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth: the demo portal signs in as guest
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permissions
backend.add(import('@backstage/plugin-permission-backend'));
// Baton's default rules for its own permissions (sre.admins in app-config), allow for the rest.
backend.add(import('./permissionPolicy'));

// search, on PostgreSQL when available and in memory otherwise
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Baton
backend.add(import('@baton/plugin-sre-backend'));
backend.add(import('@baton/plugin-sre-backend-module-git'));
backend.add(import('@baton/plugin-sre-backend-module-prometheus'));
backend.add(import('@baton/plugin-sre-backend-module-mackerel'));
backend.add(import('@baton/plugin-sre-backend-module-alertmanager'));
backend.add(import('@baton/plugin-sre-backend-module-cloudwatch'));
backend.add(import('@baton/plugin-sre-backend-module-sentry'));
backend.add(import('@baton/plugin-sre-backend-module-focus'));
backend.add(import('@baton/plugin-sre-backend-module-aws-backup'));
backend.add(import('@baton/plugin-sre-backend-module-aws-cost'));
backend.add(import('@baton/plugin-sre-backend-module-github'));
backend.add(import('@baton/plugin-sre-backend-module-aws-iam'));
backend.add(import('@baton/plugin-sre-backend-module-terraform'));
// Scripted data for the demo catalog; inert unless sre.demo is true.
backend.add(import('@baton/plugin-sre-backend-module-demo'));

async function main() {
  // One replica starts at a time on a shared PostgreSQL (startupLock.ts).
  const config = await ConfigSources.toConfig(
    ConfigSources.default({ argv: process.argv, watch: false }),
  );
  const releaseStartupLock = await holdStartupLock(postgresConnection(config), {
    log: message => process.stderr.write(`${message}\n`),
  });
  config.close();
  try {
    await backend.start();
  } finally {
    await releaseStartupLock();
  }
}

// A replica whose start failed (the database was away, a lock was held)
// exits, so that its supervisor starts it again; left running it would
// answer some routes with its catalog never started.
main().catch(error => {
  process.stderr.write(`Backend startup failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
