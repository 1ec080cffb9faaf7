import type { AlertSource } from '@baton/plugin-sre-common';
import type {
  AlertWebhookReceiver,
  SreAlertReceiversExtensionPoint,
} from '@baton/plugin-sre-node';

/** The alert webhook receivers that modules registered, one per source. */
export class AlertReceiverRegistry implements SreAlertReceiversExtensionPoint {
  readonly #receivers = new Map<AlertSource, AlertWebhookReceiver>();

  addAlertReceiver(...receivers: AlertWebhookReceiver[]): void {
    for (const receiver of receivers) {
      if (this.#receivers.has(receiver.source)) {
        throw new Error(
          `An alert receiver for '${receiver.source}' is already registered`,
        );
      }
      this.#receivers.set(receiver.source, receiver);
    }
  }

  get(source: AlertSource): AlertWebhookReceiver | undefined {
    return this.#receivers.get(source);
  }
}
