import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { sreBackupSourcesExtensionPoint } from '@baton/plugin-sre-node';
import {
  readAwsBackupConfig,
  type AwsBackupAccountConfig,
} from './AwsBackupConfig';
import { AwsBackupSource } from './AwsBackupSource';

/** An account and how it is read, for the log; never a credential. */
function describe(account: AwsBackupAccountConfig, index: number): string {
  let signer = "the AWS SDK's default credential chain";
  if (account.credentials) {
    signer = `credentials from sre.awsBackup.accounts[${index}].credentials`;
  } else if (account.profile !== undefined) {
    signer = `profile '${account.profile}'`;
  }
  return `${account.accountId} (regions ${account.regions.join(
    ', ',
  )}, ${signer})`;
}

/**
 * Adds AWS Backup to the sre plugin as a backup source per account of
 * `sre.awsBackup.accounts`, when that is configured.
 * @public
 */
export const sreModuleAwsBackup = createBackendModule({
  pluginId: 'sre',
  moduleId: 'aws-backup',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        backupSources: sreBackupSourcesExtensionPoint,
      },
      async init({ config, logger, backupSources }) {
        // Read first: a bad setting stops the backend at start-up, naming it.
        const accounts = readAwsBackupConfig(config);
        if (!accounts) {
          logger.info(
            'No sre.awsBackup configured; no AWS Backup source is registered',
          );
          return;
        }
        backupSources.addBackupSource(
          ...accounts.map(account => AwsBackupSource.fromAccount(account)),
        );
        logger.info(
          `AWS Backup sources registered for ${accounts
            .map(describe)
            .join(', ')}`,
        );
      },
    });
  },
});
