import type {
  AlertPoller,
  SreAlertPollersExtensionPoint,
} from '@baton/plugin-sre-node';

/** The alert pollers that modules registered. */
export class AlertPollerRegistry implements SreAlertPollersExtensionPoint {
  readonly #pollers: AlertPoller[] = [];

  addAlertPoller(...pollers: AlertPoller[]): void {
    this.#pollers.push(...pollers);
  }

  list(): AlertPoller[] {
    return [...this.#pollers];
  }
}
