import type { ChainedAccessAuditEntry } from '@baton/plugin-sre-common';
import { parse } from 'csv-parse/sync';

/**
 * The audit rows and chain head of an evidence CSV, read back as an auditor
 * would: the table between the `seq` header and the `audit_chain_head` line.
 */
export function auditFromEvidenceCsv(csv: string): {
  entries: Array<Omit<ChainedAccessAuditEntry, 'id'>>;
  head: string | undefined;
} {
  const records: string[][] = parse(csv, {
    relax_column_count: true,
    skip_empty_lines: true,
  });
  const header = records.findIndex(record => record[1] === 'seq');
  const footer = records.findIndex(record => record[0] === 'audit_chain_head');
  const entries = records
    .slice(header + 1, footer)
    .map(
      ([
        campaignId,
        seq,
        at,
        actor,
        action,
        itemId,
        details,
        prevHash,
        hash,
      ]) => ({
        campaignId,
        seq: Number(seq),
        at,
        actor,
        action: action as ChainedAccessAuditEntry['action'],
        itemId: itemId || null,
        details: JSON.parse(details),
        prevHash,
        hash,
      }),
    );
  return { entries, head: records[footer]?.[1] };
}
