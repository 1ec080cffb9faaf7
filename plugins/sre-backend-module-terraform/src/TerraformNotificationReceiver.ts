import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import type { ChangeInput } from '@baton/plugin-sre-common';
import {
  requireObject,
  requireText,
  type ChangeWebhookReceiver,
  type ChangeWebhookRequest,
} from '@baton/plugin-sre-node';
import { createHmac, timingSafeEqual } from 'crypto';
import type { TerraformApiClient } from './TerraformApiClient';
import type { TerraformWorkspaceDirectory } from './TerraformWorkspaceDirectory';
import { terraformRunChange } from './terraformRunChange';
import { TerraformRunReader } from './TerraformRunReader';

/** The header HCP Terraform signs generic notifications in. */
const SIGNATURE_HEADER = 'x-tfe-notification-signature';

/** The triggers after which a run may have changed production; the others come before the apply. */
const APPLY_TRIGGERS = new Set([
  'run:applying',
  'run:completed',
  'run:errored',
]);

/** HCP Terraform's run ids: `run-` and a base-58-like id. */
const RUN_ID = /^run-[A-Za-z0-9]{1,64}$/;

/**
 * Receives HCP Terraform / Terraform Enterprise run notifications (a
 * notification configuration of the generic type, with a token) at
 * `POST /api/sre/webhooks/terraform`. A delivery says which run moved on;
 * the run itself is read from the run API, so the change is exactly what the
 * pull makes of the same run. The verification a configuration sends when
 * it is saved, the triggers before the apply and workspace events (health
 * assessments, auto-destroy reminders; payload version 2) store nothing.
 * @public
 */
export class TerraformNotificationReceiver implements ChangeWebhookReceiver {
  readonly source = 'terraform';
  readonly #client: TerraformApiClient;
  readonly #workspaces: TerraformWorkspaceDirectory;
  readonly #logger: LoggerService;

  constructor(options: {
    client: TerraformApiClient;
    workspaces: TerraformWorkspaceDirectory;
    logger: LoggerService;
  }) {
    this.#client = options.client;
    this.#workspaces = options.workspaces;
    this.#logger = options.logger;
  }

  /**
   * `X-TFE-Notification-Signature`: the hex HMAC-SHA512 of the raw body with
   * the notification configuration's token. Any of the secrets may have
   * signed it, while the token is changed.
   */
  verifySignature(
    request: ChangeWebhookRequest,
    secrets: readonly string[],
  ): boolean {
    const header = request.headers[SIGNATURE_HEADER];
    if (typeof header !== 'string' || !/^[0-9a-f]{128}$/i.test(header)) {
      return false;
    }
    const given = Buffer.from(header.toLowerCase(), 'hex');
    let valid = false;
    for (const secret of secrets) {
      const expected = createHmac('sha512', secret)
        .update(request.rawBody)
        .digest();
      // Every secret is compared, so the time says nothing about which matched.
      valid = timingSafeEqual(given, expected) || valid;
    }
    return valid;
  }

  /** The run a notification names, read from the run API, as a change; none for the rest. */
  async parse(request: ChangeWebhookRequest): Promise<ChangeInput[]> {
    const body = requireObject(request.body, 'body');
    const version = body.payload_version;
    // Workspace events (assessments, auto-destroy) are version 2 and say nothing of a run's apply.
    if (version === 2 || version === '2') return [];
    if (version !== 1 && version !== '1') {
      throw new InputError('payload_version must be 1 (run notifications)');
    }
    const notifications = body.notifications;
    if (!Array.isArray(notifications) || notifications.length === 0) {
      throw new InputError('notifications must be a non-empty array');
    }
    const triggers = notifications.map((notification, index) =>
      requireText(
        requireObject(notification, `notifications[${index}]`),
        'trigger',
        `notifications[${index}].trigger`,
        100,
      ),
    );
    // The verification (and `run:created`, `run:planning`, `run:needs_attention`): nothing applied yet.
    if (!triggers.some(trigger => APPLY_TRIGGERS.has(trigger))) return [];

    const runId = requireText(body, 'run_id', 'run_id', 100);
    if (!RUN_ID.test(runId)) {
      throw new InputError('run_id must be an HCP Terraform run id (run-…)');
    }
    const organization = requireText(
      body,
      'organization_name',
      'organization_name',
      255,
    );
    const workspace = requireText(
      body,
      'workspace_name',
      'workspace_name',
      255,
    );

    const map = await this.#unavailableOnError('the catalog', () =>
      this.#workspaces.read(),
    );
    const entityRefs = map.entityRefsOf({ organization, workspace });
    if (!entityRefs.length) {
      this.#logger.debug(
        `Run ${runId} of ${organization}/${workspace}: no entity has that workspace in baton.dev/terraform-workspaces`,
      );
      return [];
    }
    const record = await this.#unavailableOnError('HCP Terraform', () =>
      new TerraformRunReader(this.#client).run(runId),
    );
    const change = terraformRunChange(record, {
      organization,
      workspace,
      entityRefs,
      appOrigin: this.#client.baseUrl,
    });
    return change ? [change] : [];
  }

  /** A source that fails is the sender's cue to try later (503), with the reason and no token. */
  async #unavailableOnError<T>(
    what: string,
    read: () => Promise<T>,
  ): Promise<T> {
    try {
      return await read();
    } catch (error) {
      this.#logger.warn(`A Terraform notification could not be read: ${error}`);
      throw new ServiceUnavailableError(
        `Reading ${what} failed; try again later: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    }
  }
}
