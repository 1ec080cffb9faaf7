import { InputError } from '@backstage/errors';
import type { ProtectedResourceEvidence } from '@baton/plugin-sre-common';
import {
  EARLIEST_PAYLOAD_TIME_MS,
  LATEST_PAYLOAD_TIME_MS,
} from '@baton/plugin-sre-node';
import { z } from 'zod';

/** Most resources one pull of one source stores. */
export const MAX_RESOURCES_PER_PULL = 20_000;

const text = (max: number) => z.string().trim().min(1).max(max);

/** A time the source gave, checked and written back as ISO 8601 UTC. */
const time = z
  .string()
  .refine(value => {
    const ms = Date.parse(value);
    return ms >= EARLIEST_PAYLOAD_TIME_MS && ms <= LATEST_PAYLOAD_TIME_MS;
  }, 'must be an ISO 8601 time between 1970 and 9999')
  .transform(value => new Date(value).toISOString());

const accountId = z.string().regex(/^\d{12}$/, 'must be a 12-digit account id');
const region = text(32);

const job = {
  jobId: text(255),
  at: time,
  state: text(32),
  message: z.string().max(500).optional(),
};

/** The column sizes of migrations/20261214_backups.js and the bounds of what a card shows. */
const protectedResource = z.object({
  resourceArn: text(1024),
  resourceType: text(64),
  resourceName: text(512).optional(),
  accountId,
  region,
  tags: z
    .record(z.string().max(128), z.string().max(256))
    .refine(tags => Object.keys(tags).length <= 100, 'at most 100 tags'),
  lastBackup: z.object({ ...job, vaultArn: z.string().max(1024) }).optional(),
  lastFailedBackup: z
    .object({ ...job, vaultArn: z.string().max(1024) })
    .optional(),
  copies: z
    .array(
      z.object({
        ...job,
        destinationVaultArn: text(1024),
        destinationAccountId: accountId,
        destinationRegion: region,
      }),
    )
    .max(200),
  lastRestore: z
    .object({
      ...job,
      restoreTesting: z.boolean(),
      validationStatus: text(32).optional(),
    })
    .optional(),
});

/**
 * Checks what a backup source handed over; an InputError names the first
 * bad field (`aws-backup-111111111111[3].copies[0].at`), and nothing of the
 * pull is stored.
 */
export function parseBackupEvidence(
  sourceId: string,
  items: unknown[],
): ProtectedResourceEvidence[] {
  if (items.length > MAX_RESOURCES_PER_PULL) {
    throw new InputError(
      `${sourceId}: at most ${MAX_RESOURCES_PER_PULL} resources in one pull`,
    );
  }
  const seen = new Set<string>();
  return items.map((item, index) => {
    const result = protectedResource.safeParse(item);
    if (!result.success) {
      const issue = result.error.issues[0];
      const path = issue.path
        .map(part =>
          typeof part === 'number' ? `[${part}]` : `.${String(part)}`,
        )
        .join('');
      throw new InputError(`${sourceId}[${index}]${path}: ${issue.message}`);
    }
    if (seen.has(result.data.resourceArn)) {
      throw new InputError(
        `${sourceId}[${index}].resourceArn: ${result.data.resourceArn} is listed twice`,
      );
    }
    seen.add(result.data.resourceArn);
    return result.data;
  });
}
