import {
  SOURCE_COUNT_NAMES,
  sourceState,
  type SourceCounts,
  type SourceState,
  type SourceStatus,
} from '@baton/plugin-sre-common';
import { relativeTimeFormat } from '../language';
import type { SreTranslate } from '../translation';

/** The plugin's own scheduled tasks, by id, and the message that names each. */
const TASK_NAMES = {
  'sre-knowledge-refresh': 'admin.sources.tasks.knowledgeRefresh',
  'sre-slo-evaluation': 'admin.sources.tasks.sloEvaluation',
  'sre-alert-poll': 'admin.sources.tasks.alertPoll',
  'sre-cost-pull': 'admin.sources.tasks.costPull',
  'sre-access-reminders': 'admin.sources.tasks.accessReminders',
  'sre-access-campaign': 'admin.sources.tasks.accessCampaign',
  'sre-change-pull': 'admin.sources.tasks.changePull',
  'sre-backup-pull': 'admin.sources.tasks.backupPull',
  'sre-drill-import': 'admin.sources.tasks.drillImport',
} as const;

/** What a person calls a source: the task's name, or the kind of provider with its id. */
export function sourceName(t: SreTranslate, id: string): string {
  const colon = id.indexOf(':');
  const prefix = id.slice(0, colon);
  const name = id.slice(colon + 1);
  if (prefix === 'task' && name in TASK_NAMES) {
    return t(TASK_NAMES[name as keyof typeof TASK_NAMES]);
  }
  if (prefix === 'cost') return t('admin.sources.names.cost', { name });
  if (prefix === 'alert-poller') {
    return t('admin.sources.names.alertPoller', { name });
  }
  if (prefix === 'webhook') return t('admin.sources.names.webhook', { name });
  if (prefix === 'change-source') {
    return t('admin.sources.names.changeSource', { name });
  }
  if (prefix === 'backup-source') {
    return t('admin.sources.names.backupSource', { name });
  }
  if (prefix === 'drill-source') {
    return t('admin.sources.names.drillSource', { name });
  }
  return id;
}

/** The counts of a run, e.g. "120 rows" or "3 received; 2 alerts", in the page's order. */
export function countsText(t: SreTranslate, counts: SourceCounts): string {
  return SOURCE_COUNT_NAMES.flatMap(name => {
    const count = counts[name];
    return count === undefined
      ? []
      : [t(`admin.sources.counts.${name}`, { count })];
  }).join(t('common.partSeparator'));
}

/** "now", "5 minutes ago", "3 hours ago", "2 days ago" in the selected language. */
export function elapsedText(
  language: string,
  time: string,
  now: number,
): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(time)) / 1000));
  const relative = relativeTimeFormat(language);
  if (seconds < 60) return relative.format(-seconds, 'second');
  if (seconds < 3600) {
    return relative.format(-Math.floor(seconds / 60), 'minute');
  }
  if (seconds < 2 * 86_400) {
    return relative.format(-Math.floor(seconds / 3600), 'hour');
  }
  return relative.format(-Math.floor(seconds / 86_400), 'day');
}

/** Where a state goes in the list: what needs a look first. */
const STATE_ORDER: Record<SourceState, number> = {
  failing: 0,
  partial: 1,
  never: 2,
  recovered: 3,
  ok: 3,
};

/** The sources, failing and partly failing ones first, else in the backend's order (by kind and id). */
export function worstFirst(sources: SourceStatus[]): SourceStatus[] {
  return sources
    .map((source, index) => ({
      source,
      index,
      rank: STATE_ORDER[sourceState(source)],
    }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ source }) => source);
}
