import type {
  AccessGrant,
  AccessInventory,
  AccessPrincipalKind,
  AccessSource,
} from '@baton/plugin-sre-node';
import { parse as parseCsv } from 'csv-parse/sync';
import fs from 'fs/promises';
import path from 'path';
import YAML from 'yaml';

const KINDS: AccessPrincipalKind[] = [
  'github-login',
  'aws-iam-user',
  'email',
  'other',
];

/**
 * SaaS accounts exported by hand (monitoring, error tracking…): a CSV or
 * YAML file per source, named in `sre.accessReviews.files.<name>` and used
 * by Resources annotated `baton.dev/access-source: file:<name>`.
 *
 * CSV: a header `principal,principal_kind,resource,privilege,last_used_at,flags`
 * (the last two may be empty; flags space-separated); its generation time is
 * the file's modification time. YAML: `{ generatedAt?, grants: [{ principal,
 * principalKind, resource, privilege, lastUsedAt?, flags? }] }`.
 */
export class FileAccessSource implements AccessSource {
  readonly prefix = 'file';

  constructor(private readonly files: Record<string, string>) {}

  async listGrants(target: string): Promise<AccessInventory> {
    const file = this.files[target];
    if (!file) {
      throw new Error(
        `No file for access source file:${target}; set sre.accessReviews.files.${target}`,
      );
    }
    const text = await fs.readFile(file, 'utf8');
    if (/\.ya?ml$/i.test(file)) {
      return readYaml(text, path.basename(file));
    }
    const { mtime } = await fs.stat(file);
    return { grants: readCsv(text, path.basename(file)), generatedAt: mtime };
  }
}

function grantOf(
  fields: {
    principal?: unknown;
    principalKind?: unknown;
    resource?: unknown;
    privilege?: unknown;
    lastUsedAt?: unknown;
    flags?: unknown;
  },
  where: string,
): AccessGrant {
  const text = (name: string, value: unknown) => {
    if (typeof value !== 'string' || !value.trim()) {
      throw new Error(`${where}, ${name}: required`);
    }
    return value.trim();
  };
  const kind = (fields.principalKind ?? 'other') as AccessPrincipalKind;
  if (!KINDS.includes(kind)) {
    throw new Error(
      `${where}, principal_kind: '${kind}' is not one of ${KINDS.join(', ')}`,
    );
  }
  let lastUsedAt: Date | null | undefined;
  if (fields.lastUsedAt === 'never') lastUsedAt = null;
  else if (fields.lastUsedAt !== undefined && fields.lastUsedAt !== '') {
    lastUsedAt = new Date(String(fields.lastUsedAt));
    if (Number.isNaN(lastUsedAt.getTime())) {
      throw new Error(
        `${where}, last_used_at: '${fields.lastUsedAt}' is not an ISO 8601 time (or 'never')`,
      );
    }
  }
  const flags = Array.isArray(fields.flags)
    ? fields.flags.map(String)
    : String(fields.flags ?? '')
        .split(/\s+/)
        .filter(Boolean);
  return {
    principal: text('principal', fields.principal),
    principalKind: kind,
    resource: text('resource', fields.resource),
    privilege: text('privilege', fields.privilege),
    ...(lastUsedAt !== undefined ? { lastUsedAt } : {}),
    flags,
  };
}

function readCsv(text: string, name: string): AccessGrant[] {
  const records: Array<Record<string, string>> = parseCsv(text, {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  });
  return records.map((record, index) =>
    grantOf(
      {
        principal: record.principal,
        principalKind: record.principal_kind || undefined,
        resource: record.resource,
        privilege: record.privilege,
        lastUsedAt: record.last_used_at,
        flags: record.flags,
      },
      `${name} row ${index + 1}`,
    ),
  );
}

function readYaml(text: string, name: string): AccessInventory {
  const document = YAML.parse(text) as {
    generatedAt?: unknown;
    grants?: unknown;
  };
  if (!document || !Array.isArray(document.grants)) {
    throw new Error(`${name}: grants must be a list`);
  }
  const generatedAt =
    document.generatedAt === undefined
      ? undefined
      : new Date(String(document.generatedAt));
  if (generatedAt && Number.isNaN(generatedAt.getTime())) {
    throw new Error(`${name}, generatedAt: not an ISO 8601 time`);
  }
  return {
    grants: document.grants.map((grant, index) =>
      grantOf(grant ?? {}, `${name} grants[${index}]`),
    ),
    ...(generatedAt ? { generatedAt } : {}),
  };
}
