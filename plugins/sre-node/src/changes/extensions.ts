import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { ChangeInput } from '@baton/plugin-sre-common';
import type { AlertWebhookRequest } from '../alerts/extensions';

/**
 * Pulls production changes from a CI/CD system or HCP Terraform on the sre
 * backend's schedule (`sre.changes.schedule`). What it yields is stored
 * under its id: `(id, externalId)` identifies a change, so a change pulled
 * again replaces what was stored (its outcome may have moved on).
 * @public
 */
export interface ChangeSource {
  /** Unique id of this source, stored with each change (`github`, `terraform`, …). */
  readonly id: string;
  /**
   * The changes that started or moved on since `since` (the last successful
   * pull, or the first pull's look-back), up to `now`.
   */
  pull(options: { since: Date; now: Date }): AsyncIterable<ChangeInput>;
}

/** Lets modules add change sources to the sre backend plugin. @public */
export interface SreChangeSourcesExtensionPoint {
  addChangeSource(...sources: ChangeSource[]): void;
}

/** @public */
export const sreChangeSourcesExtensionPoint =
  createExtensionPoint<SreChangeSourcesExtensionPoint>({
    id: 'sre.change-sources',
  });

/**
 * A change webhook delivery as a receiver sees it: the same shape as an
 * alert webhook's (raw bytes, at most 1 MB; the body parsed as JSON or
 * undefined; the headers).
 * @public
 */
export type ChangeWebhookRequest = AlertWebhookRequest;

/**
 * Turns the webhook deliveries of one CI/CD system or HCP Terraform into
 * production changes, at `POST /api/sre/webhooks/<source>`. The backend
 * checks `verifySignature` with the secrets of `sre.webhooks.<source>.secret`
 * and `.secrets` before `parse`, answers 401 when it fails (or 404 while the
 * source has no secret), and stores what `parse` returns under `source`, all
 * or nothing. A change source of the same id (the pull that fills in missed
 * deliveries) must give a change the same `externalId`, so it is stored once.
 * @public
 */
export interface ChangeWebhookReceiver {
  /** The path segment of the webhook and the source id its changes are stored under (`terraform`). */
  readonly source: string;
  /**
   * True when the request is signed with any of `secrets` (several while one
   * is rotated), e.g. HCP Terraform's `X-TFE-Notification-Signature`; compare
   * each in constant time. The only proof a change webhook accepts.
   */
  verifySignature(
    request: ChangeWebhookRequest,
    secrets: readonly string[],
  ): boolean;
  /**
   * The changes a delivery reports; none for a delivery that only checks the
   * URL (a verification) or reports nothing Baton records. Throws an
   * InputError naming the field when the body is invalid, or a
   * ServiceUnavailableError when the source's API, asked for more, fails, so
   * the sender retries.
   */
  parse(request: ChangeWebhookRequest): Promise<ChangeInput[]>;
}

/** Lets modules add change webhook receivers to the sre backend plugin. @public */
export interface SreChangeReceiversExtensionPoint {
  addChangeReceiver(...receivers: ChangeWebhookReceiver[]): void;
}

/** @public */
export const sreChangeReceiversExtensionPoint =
  createExtensionPoint<SreChangeReceiversExtensionPoint>({
    id: 'sre.change-receivers',
  });
