import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { AccessReviewItem } from '@baton/plugin-sre-common';

/** Where the frontend shows a campaign. */
const campaignLink = (id: string) => `/access-reviews/${id}`;

/**
 * Tells reviewers through Backstage notifications: when a campaign starts,
 * and when its due date nears while they still have items to decide. A
 * portal without the notifications backend makes sending fail; that is
 * logged and never fails the review itself.
 */
export class AccessReviewNotifier {
  constructor(
    private readonly options: {
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  async campaignStarted(campaign: {
    id: string;
    title: string;
    dueDate: string | null;
    items: AccessReviewItem[];
  }): Promise<void> {
    for (const [reviewer, count] of countsByReviewer(campaign.items)) {
      await this.#send(reviewer, {
        title: `Access review started: ${campaign.title}`,
        description: `${count} ${count === 1 ? 'item' : 'items'} to decide${
          campaign.dueDate ? ` by ${campaign.dueDate}` : ''
        }: keep, revoke or transfer each grant.`,
        link: campaignLink(campaign.id),
        scope: `sre-access-review-${campaign.id}-started`,
      });
    }
  }

  /** One reminder per reviewer with undecided items; a later reminder replaces it (same scope). */
  async dueSoon(campaign: {
    id: string;
    title: string;
    dueDate: string;
    items: AccessReviewItem[];
  }): Promise<number> {
    const open = countsByReviewer(campaign.items.filter(i => !i.decision));
    for (const [reviewer, count] of open) {
      await this.#send(reviewer, {
        title: `Access review due ${campaign.dueDate}: ${campaign.title}`,
        description: `You still have ${count} ${
          count === 1 ? 'item' : 'items'
        } to decide.`,
        link: campaignLink(campaign.id),
        severity: 'high',
        scope: `sre-access-review-${campaign.id}-due`,
      });
    }
    return open.size;
  }

  async #send(
    reviewer: string,
    payload: {
      title: string;
      description: string;
      link: string;
      scope: string;
      severity?: 'high';
    },
  ): Promise<void> {
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: reviewer },
        payload: { topic: 'access-review', ...payload },
      });
    } catch (error) {
      this.options.logger.warn(
        `Could not notify ${reviewer} about an access review (is the notifications backend installed?): ${error}`,
      );
    }
  }
}

function countsByReviewer(items: AccessReviewItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    for (const reviewer of item.reviewers) {
      counts.set(reviewer, (counts.get(reviewer) ?? 0) + 1);
    }
  }
  // By ref, so that reviewers are told in a stable order.
  return new Map([...counts].sort(([a], [b]) => a.localeCompare(b, 'en')));
}
