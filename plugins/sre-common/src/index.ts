/**
 * Types and pure logic shared by Baton's frontend and backend.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './entityRef';
export * from './formulaSafeCsv';
export * from './catalog/serviceKinds';
export * from './permissions';
export * from './redactCredentials';
export * from './slo/types';
export * from './slo/window';
export * from './slo/openslo';
export * from './slo/math';
export * from './slo/counts';
export * from './slo/evaluate';
export * from './slo/policy';
export * from './slo/percent';
export * from './slo/status';
export * from './alerts/types';
export * from './alerts/noise';
export * from './alerts/monitors';
export * from './alerts/safeLink';
export * from './alerts/permissions';
export * from './changes/types';
export * from './changes/rules';
export * from './changes/permissions';
export * from './changes/terraformWorkspaces';
export * from './review/drills';
export * from './backups/types';
export * from './backups/evidence';
export * from './cost/types';
export * from './cost/decimal';
export * from './cost/analysis';
export * from './cost/currency';
export * from './cost/permissions';
export * from './access/types';
export * from './access/staleness';
export * from './access/permissions';
export * from './access/evidence';
export * from './access/auditChain';
export * from './readiness/types';
export * from './readiness/drillKinds';
export * from './readiness/policy';
export * from './readiness/checks';
export * from './readiness/score';
export * from './readiness/simulation';
export * from './readiness/knowledge/aliasFile';
export * from './readiness/knowledge/history';
export * from './readiness/knowledge/degreeOfAuthorship';
export * from './readiness/knowledge/excludedPaths';
export * from './readiness/knowledge/linguist';
export * from './readiness/knowledge/linguistRules';
export * from './readiness/knowledge/repoSpec';
export * from './readiness/knowledge/truckFactor';
export * from './review/types';
export * from './review/agenda';
export * from './review/markdown';
export * from './review/permissions';
export * from './sources/types';
export * from './sources/permissions';
