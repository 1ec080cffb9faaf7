import type {
  AccessAuditEntry,
  AccessCampaign,
  AccessReviewItem,
} from '@baton/plugin-sre-common';

/** Everyone the access pages may name: people of the items, reviewers, deciders, and who started, signed off or acted on campaigns. */
export function accessPeopleRefs(data: {
  campaigns?: AccessCampaign[];
  items?: AccessReviewItem[];
  audit?: AccessAuditEntry[];
}): string[] {
  const refs = [
    ...(data.campaigns ?? []).flatMap(campaign => [
      campaign.createdBy,
      campaign.closedBy,
      ...campaign.progress.byReviewer.map(reviewer => reviewer.userRef),
    ]),
    ...(data.items ?? []).flatMap(item => [
      item.userRef,
      item.transferTo,
      item.decidedBy,
      ...item.reviewers,
    ]),
    ...(data.audit ?? []).flatMap(entry => [
      entry.actor,
      typeof entry.details.transferTo === 'string'
        ? entry.details.transferTo
        : null,
    ]),
  ];
  return [...new Set(refs.filter((ref): ref is string => Boolean(ref)))];
}
