/**
 * Extension points and provider interfaces through which backend modules feed
 * the sre backend plugin.
 *
 * @packageDocumentation
 */

export * from './slo/extensions';
export * from './alerts/extensions';
export * from './cost/extensions';
export * from './access/extensions';
export * from './readiness/extensions';
export * from './changes/extensions';
export * from './backups/extensions';
export * from './drills/extensions';
export * from './alerts/payloadFields';
export * from './http/fetchFailure';
export * from './aws/awsAccountConfig';
