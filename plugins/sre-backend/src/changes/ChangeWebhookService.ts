import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, isError, NotFoundError } from '@backstage/errors';
import { ALERT_SOURCES, type ChangeInput } from '@baton/plugin-sre-common';
import type {
  ChangeWebhookReceiver,
  ChangeWebhookRequest,
} from '@baton/plugin-sre-node';
import type { WebhookSecrets } from '../routing/webhookSecrets';
import type { SourceRunObserver } from '../sources/SourceStatusService';
import type { ChangeReceiverRegistry } from './ChangeReceiverRegistry';

/** Errors a receiver throws on purpose; their status is the answer. */
const RECEIVER_ERRORS = new Set([
  'InputError',
  'AuthenticationError',
  'NotFoundError',
  'ServiceUnavailableError',
]);

/** Stores checked changes under a source, all or none (ChangeService). */
export interface ChangeRecorder {
  record(changes: unknown[], source: string): Promise<{ ids: string[] }>;
}

/**
 * Receives the change webhooks of modules (`POST /webhooks/<source>` for a
 * source that is not an alert source): checks the source's signature, has
 * the receiver parse the delivery and stores its changes, answering only
 * after they are committed.
 */
export class ChangeWebhookService {
  constructor(
    private readonly options: {
      receivers: ChangeReceiverRegistry;
      secrets: WebhookSecrets;
      changes: ChangeRecorder;
      logger: LoggerService;
      /** Told each authenticated delivery, by source: its changes, or its error. */
      webhookStatus?: SourceRunObserver;
    },
  ) {}

  /**
   * One delivery. 404 for an unknown or disabled source, 401 for a wrong or
   * missing signature, 400 naming the field for a bad body (nothing stored),
   * 503 when the receiver's API or the database fails (the sender retries).
   * A change delivered again replaces itself: `(source, externalId)` is unique.
   */
  async receive(
    sourceName: string,
    request: {
      rawBody: Buffer;
      headers: ChangeWebhookRequest['headers'];
      queryToken?: unknown;
    },
  ): Promise<{ received: number; stored: number }> {
    const receiver = this.options.receivers.get(sourceName);
    if (!receiver) {
      throw new NotFoundError(
        `No webhook for '${sourceName}'; sources: ${[
          ...ALERT_SOURCES,
          ...this.options.receivers.list().map(r => r.source),
        ].join(', ')}`,
      );
    }
    const { source } = receiver;
    // The signature over the raw bytes comes before anything reads the body.
    this.options.secrets.authenticate(
      source,
      { ...request, queryToken: request.queryToken },
      receiver,
    );
    // Recorded only once authenticated: anyone may send a wrong signature.
    try {
      const changes = await this.#parse(receiver, request);
      const { ids } = changes.length
        ? await this.options.changes.record(changes, source)
        : { ids: [] };
      await this.options.webhookStatus?.succeeded(source, {
        received: changes.length,
      });
      return { received: changes.length, stored: ids.length };
    } catch (error) {
      await this.options.webhookStatus?.failed(source, error);
      throw error;
    }
  }

  /**
   * The receiver's parse. What it throws on purpose (an error with an HTTP
   * status) passes; anything else is a receiver's bug that bad input tripped,
   * answered as a 400 and logged (without the body).
   */
  async #parse(
    receiver: ChangeWebhookReceiver,
    request: { rawBody: Buffer; headers: ChangeWebhookRequest['headers'] },
  ): Promise<ChangeInput[]> {
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody.toString('utf8'));
    } catch {
      throw new InputError('The body is not JSON');
    }
    try {
      return await receiver.parse({ ...request, body });
    } catch (error) {
      if (isError(error) && RECEIVER_ERRORS.has(error.name)) throw error;
      this.options.logger.warn(
        `The ${receiver.source} change receiver failed on a delivery it should have refused: ${error}`,
      );
      throw new InputError(`The ${receiver.source} delivery could not be read`);
    }
  }
}
