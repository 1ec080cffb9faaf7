/**
 * Baton's AWS Backup module: per protected resource, the last backup, the
 * last copy to another region or account and the last restore test.
 *
 * @packageDocumentation
 */

export { sreModuleAwsBackup as default } from './module';
export {
  AwsBackupSource,
  type AwsBackupSourceOptions,
} from './AwsBackupSource';
export type { AwsBackupAccountConfig } from './AwsBackupConfig';
