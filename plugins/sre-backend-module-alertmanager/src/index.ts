/**
 * Baton's Alertmanager alert receiver: Prometheus Alertmanager `webhook_config`
 * deliveries (payload version 4) become alert history events.
 *
 * @packageDocumentation
 */

export { sreModuleAlertmanager as default } from './module';
export { AlertmanagerReceiver } from './AlertmanagerReceiver';
