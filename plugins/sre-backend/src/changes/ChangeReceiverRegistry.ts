import { ALERT_SOURCES } from '@baton/plugin-sre-common';
import type {
  ChangeWebhookReceiver,
  SreChangeReceiversExtensionPoint,
} from '@baton/plugin-sre-node';
import { changeSourceId } from './changeInputSchema';
import { RECORD_SOURCE_IDS } from './ChangeService';

/** The change webhook receivers that modules registered, one per source. */
export class ChangeReceiverRegistry
  implements SreChangeReceiversExtensionPoint
{
  readonly #receivers = new Map<string, ChangeWebhookReceiver>();

  addChangeReceiver(...receivers: ChangeWebhookReceiver[]): void {
    for (const receiver of receivers) {
      const { source } = receiver;
      if (!changeSourceId.safeParse(source).success) {
        throw new Error(
          `A change receiver's source must be lower-case letters, digits, dots, dashes or underscores, not '${source}'`,
        );
      }
      // The alert webhooks' paths, and the sources the API records under, are taken.
      if (
        (ALERT_SOURCES as readonly string[]).includes(source) ||
        RECORD_SOURCE_IDS.includes(source)
      ) {
        throw new Error(
          `A change receiver may not use the source '${source}'; ${[
            ...ALERT_SOURCES,
            ...RECORD_SOURCE_IDS,
          ].join(', ')} are taken`,
        );
      }
      if (this.#receivers.has(source)) {
        throw new Error(
          `A change receiver for '${source}' is already registered`,
        );
      }
      this.#receivers.set(source, receiver);
    }
  }

  get(source: string): ChangeWebhookReceiver | undefined {
    return this.#receivers.get(source);
  }

  list(): ChangeWebhookReceiver[] {
    return [...this.#receivers.values()];
  }
}
