import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { ChangeInput } from '@baton/plugin-sre-common';

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
