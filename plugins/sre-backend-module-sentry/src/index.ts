/**
 * Baton's Sentry alert receiver: Sentry integration-platform `issue` and
 * `event_alert` webhooks, verified with `Sentry-Hook-Signature`, become alert
 * history events.
 *
 * @packageDocumentation
 */

export { sreModuleSentry as default } from './module';
export {
  DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
  SentryReceiver,
} from './SentryReceiver';
