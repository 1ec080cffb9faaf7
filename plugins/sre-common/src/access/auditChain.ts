import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { AccessAuditEntry } from './types';

// SHA-256 from @noble/hashes (audited, pure JS, synchronous) rather than
// node:crypto or Web Crypto: this module runs in the browser as well as the
// backend, and Web Crypto is async and only there in secure contexts.

/** The `prevHash` of a campaign's first audit row: 64 zeros. @public */
export const ACCESS_AUDIT_GENESIS_HASH = '0'.repeat(64);

/**
 * An audit row with its link in its campaign's hash chain. Each campaign has
 * its own chain, so one campaign's evidence verifies on its own.
 * @public
 */
export interface ChainedAccessAuditEntry extends AccessAuditEntry {
  /** The row's place in its campaign's chain: 1, 2, 3… */
  seq: number;
  /** The previous row's `hash`; ACCESS_AUDIT_GENESIS_HASH for the first row. */
  prevHash: string;
  /** SHA-256, lowercase hex, of `accessAuditCanonicalContent` of this row. */
  hash: string;
}

/** What a row's hash covers: everything in it but the database id and the hash itself. @public */
export type AccessAuditHashedContent = Omit<
  ChainedAccessAuditEntry,
  'id' | 'hash'
>;

/**
 * JSON data written canonically, as RFC 8785 (JCS) does: object keys sorted
 * by UTF-16 code units, no whitespace, numbers and strings as
 * `JSON.stringify` writes them. Properties whose value is undefined are
 * left out, as JSON leaves them out; anything JSON cannot hold throws.
 * @public
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter(key => record[key] !== undefined)
      .sort()
      .map(key => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      .join(',')}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} is not JSON`);
}

/**
 * The text a row's hash is taken over: the canonical JSON of the object
 * `{ action, actor, at, campaignId, details, itemId, prevHash, seq }`, with
 * `at` an ISO 8601 UTC time with milliseconds, `campaignId` and `itemId`
 * strings (`itemId` may be null) and `seq` a number.
 * @public
 */
export function accessAuditCanonicalContent(
  entry: AccessAuditHashedContent,
): string {
  return canonicalJson({
    action: entry.action,
    actor: entry.actor,
    at: entry.at,
    campaignId: entry.campaignId,
    details: entry.details,
    itemId: entry.itemId,
    prevHash: entry.prevHash,
    seq: entry.seq,
  });
}

/** The hash of an audit row: SHA-256 of its canonical content as UTF-8, lowercase hex. @public */
export function accessAuditHash(entry: AccessAuditHashedContent): string {
  return bytesToHex(sha256(utf8ToBytes(accessAuditCanonicalContent(entry))));
}

/** What verifying a campaign's audit chain found. @public */
export type AccessAuditChainVerification =
  | {
      valid: true;
      /** The last row's hash (ACCESS_AUDIT_GENESIS_HASH when there is none). */
      head: string;
    }
  | {
      valid: false;
      /** The first row that does not verify: its index in the list and its seq. */
      index: number;
      seq: number;
      reason: string;
    };

/**
 * Recomputes a campaign's audit chain from its rows, first to last, as an
 * evidence export lists them: each row must be the next in sequence, name
 * the previous row's hash, and hash to its own `hash`. A row edited after it
 * was written fails here; one whose hash was recomputed to match fails at
 * the row after it. The head then is to be compared with a head kept from
 * an earlier export, which shows whether the chain was cut short or rewritten.
 * @public
 */
export function verifyAccessAuditChain(
  entries: ReadonlyArray<Omit<ChainedAccessAuditEntry, 'id'>>,
): AccessAuditChainVerification {
  let head = ACCESS_AUDIT_GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const broken = (reason: string): AccessAuditChainVerification => ({
      valid: false,
      index,
      seq: entry.seq,
      reason,
    });
    if (entry.seq !== index + 1) {
      return broken(
        `seq ${entry.seq} where ${
          index + 1
        } was expected: a row is missing or out of order`,
      );
    }
    if (entry.prevHash !== head) {
      return broken(
        index === 0
          ? 'prevHash of the first row is not the genesis hash'
          : `prevHash is not the hash of row ${index}`,
      );
    }
    if (accessAuditHash(entry) !== entry.hash) {
      return broken(
        'the row does not hash to its hash: it was changed after it was written',
      );
    }
    head = entry.hash;
  }
  return { valid: true, head };
}
