import { parse } from 'csv-parse/sync';

/** The user name the credential report gives the account's root user. */
export const ROOT_ACCOUNT = '<root_account>';

/** The columns read, by name; the report has more, and may gain others. */
const COLUMNS = [
  'user',
  'arn',
  'password_enabled',
  'password_last_used',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_used_date',
  'access_key_2_active',
  'access_key_2_last_used_date',
] as const;

type Column = (typeof COLUMNS)[number];

/**
 * The report's words for "no date": `N/A` (no password, a key never used),
 * `no_information` (a password never used, or not since IAM began tracking it
 * in October 2014), `not_supported` (the root user's password fields).
 */
const NOT_A_DATE = new Set(['N/A', 'no_information', 'not_supported']);

/** One row of the credential report, as far as the access inventory needs it. */
export interface CredentialReportRow {
  /** The IAM user name, or `<root_account>`. */
  user: string;
  arn: string;
  /** The 12-digit account id in the row's ARN. */
  accountId: string;
  passwordEnabled: boolean;
  mfaActive: boolean;
  /** Whether access key 1 and access key 2 are active. */
  accessKeysActive: [boolean, boolean];
  passwordLastUsed: Date | null;
  /** When access key 1 and access key 2 last signed a request; null when never. */
  accessKeysLastUsed: [Date | null, Date | null];
}

function cell(
  record: Record<string, string>,
  column: Column,
  line: number,
): string {
  const value = record[column];
  if (value === undefined) {
    throw new Error(
      `The IAM credential report has no ${column} value on line ${line}`,
    );
  }
  return value.trim();
}

function bool(
  record: Record<string, string>,
  column: Column,
  line: number,
): boolean {
  const value = cell(record, column, line);
  switch (value.toLowerCase()) {
    case 'true':
      return true;
    case 'false':
    case 'not_supported':
    case 'n/a':
      return false;
    default:
      throw new Error(
        `The IAM credential report's ${column} on line ${line} is '${value}', not true or false`,
      );
  }
}

function date(
  record: Record<string, string>,
  column: Column,
  line: number,
): Date | null {
  const value = cell(record, column, line);
  if (NOT_A_DATE.has(value)) {
    return null;
  }
  const parsed = /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    throw new Error(
      `The IAM credential report's ${column} on line ${line} is '${value}', neither an ISO 8601 date-time nor ${[
        ...NOT_A_DATE,
      ].join(', ')}`,
    );
  }
  return parsed;
}

/**
 * Parses the credential report's CSV by column name. Fails, naming the column
 * and line, on a missing column or a value that is neither what AWS documents
 * nor one of its placeholders: a wrong "never used" misleads a review more
 * than a failed one.
 */
export function parseCredentialReport(csv: string): CredentialReportRow[] {
  const records: Record<string, string>[] = parse(csv, {
    bom: true,
    columns: (header: string[]) => {
      const names = header.map(name => name.trim());
      const missing = COLUMNS.filter(column => !names.includes(column));
      if (missing.length > 0) {
        throw new Error(
          `The IAM credential report has no ${missing.join(', ')} column`,
        );
      }
      return names;
    },
    skip_empty_lines: true,
  });
  return records.map((record, index) => {
    // Line 1 is the header.
    const line = index + 2;
    const arn = cell(record, 'arn', line);
    // arn:<partition>:iam::<account>:root or :user/<path><name>
    const accountId = arn.split(':')[4] ?? '';
    if (!/^\d{12}$/.test(accountId)) {
      throw new Error(
        `The IAM credential report's arn on line ${line} is '${arn}', without a 12-digit account id`,
      );
    }
    return {
      user: cell(record, 'user', line),
      arn,
      accountId,
      passwordEnabled: bool(record, 'password_enabled', line),
      mfaActive: bool(record, 'mfa_active', line),
      accessKeysActive: [
        bool(record, 'access_key_1_active', line),
        bool(record, 'access_key_2_active', line),
      ],
      passwordLastUsed: date(record, 'password_last_used', line),
      accessKeysLastUsed: [
        date(record, 'access_key_1_last_used_date', line),
        date(record, 'access_key_2_last_used_date', line),
      ],
    };
  });
}
