import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { sreAccessSourcesExtensionPoint } from '@baton/plugin-sre-node';
import { readAwsIamConfig, type AwsIamAccountConfig } from './AwsIamConfig';
import { AwsIamAccessSource } from './AwsIamAccessSource';

/** An account and how it is read, for the log; never a credential. */
function describe(account: AwsIamAccountConfig, index: number): string {
  let signer = "the AWS SDK's default credential chain";
  if (account.credentials) {
    signer = `credentials from sre.awsIam.accounts[${index}].credentials`;
  } else if (account.profile !== undefined) {
    signer = `profile '${account.profile}'`;
  }
  return `${account.accountId} (region ${account.region}, ${signer})`;
}

/**
 * Adds AWS IAM to the sre plugin as the access inventory of
 * `aws-account:<id>`, when `sre.awsIam` is configured.
 * @public
 */
export const sreModuleAwsIam = createBackendModule({
  pluginId: 'sre',
  moduleId: 'aws-iam',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        accessSources: sreAccessSourcesExtensionPoint,
      },
      async init({ config, logger, accessSources }) {
        // Read first: a bad setting stops the backend at start-up, naming it.
        const awsIam = readAwsIamConfig(config);
        if (!awsIam) {
          // Installed but not configured is a normal state (e.g. local dev), not an error.
          logger.info(
            'No sre.awsIam configured; the AWS IAM access source is not registered',
          );
          return;
        }
        const source = AwsIamAccessSource.fromConfig(config, { logger });
        accessSources.addAccessSource(source);
        logger.info(
          `AWS IAM access source '${
            source.prefix
          }' registered for ${awsIam.accounts.map(describe).join(', ')}`,
        );
      },
    });
  },
});
