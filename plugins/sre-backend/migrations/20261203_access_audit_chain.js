// @ts-check

const { createHash } = require('node:crypto');

/**
 * The access-review audit log proves it was not edited: each row carries
 * its place in its campaign's hash chain (`seq`, `prev_hash`, `hash`), rows
 * written before get theirs here, and PostgreSQL refuses TRUNCATE of it too.
 *
 * One chain per campaign, not one for the whole table: a campaign's
 * evidence then verifies on its own, from its first row, and appends to
 * different campaigns do not wait for each other.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const pg = knex.client.config.client === 'pg';
  await knex.schema.alterTable('sre_access_audit', table => {
    table
      .integer('seq')
      .nullable()
      .comment('Place in the campaign audit chain: 1, 2, 3…');
    table
      .string('prev_hash', 64)
      .nullable()
      .comment('hash of the previous row of the campaign; 64 zeros first');
    table
      .string('hash', 64)
      .nullable()
      .comment('SHA-256 of the canonical row content with prev_hash');
  });

  // The rows written before: their chain, in id order, with the trigger
  // that refuses updates out of the way inside this migration's transaction.
  if (pg) {
    await knex.raw(
      'DROP TRIGGER sre_access_audit_append_only ON sre_access_audit',
    );
  } else {
    await knex.raw('DROP TRIGGER sre_access_audit_no_update');
  }
  const heads = new Map();
  for (const row of await knex('sre_access_audit').orderBy('id')) {
    const campaignId = String(row.campaign_id);
    const previous = heads.get(campaignId) ?? { seq: 0, hash: '0'.repeat(64) };
    const link = {
      seq: previous.seq + 1,
      prevHash: previous.hash,
    };
    const hash = auditRowHash({
      action: row.action,
      actor: row.actor,
      at: new Date(row.at).toISOString(),
      campaignId,
      details: JSON.parse(row.details),
      itemId: row.item_id === null ? null : String(row.item_id),
      prevHash: link.prevHash,
      seq: link.seq,
    });
    await knex('sre_access_audit')
      .where({ id: row.id })
      .update({ seq: link.seq, prev_hash: link.prevHash, hash });
    heads.set(campaignId, { seq: link.seq, hash });
  }
  if (pg) {
    await knex.raw(`
      CREATE TRIGGER sre_access_audit_append_only
      BEFORE UPDATE OR DELETE ON sre_access_audit
      FOR EACH ROW EXECUTE FUNCTION sre_access_audit_append_only()`);
  } else {
    await knex.raw(`
      CREATE TRIGGER sre_access_audit_no_update
      BEFORE UPDATE ON sre_access_audit
      BEGIN SELECT RAISE(ABORT, 'sre_access_audit is append-only'); END`);
  }

  // Two appends that read the same last row cannot both land: no fork.
  await knex.schema.alterTable('sre_access_audit', table => {
    table.unique(['campaign_id', 'seq'], {
      indexName: 'sre_access_audit_chain_idx',
    });
  });
  if (pg) {
    await knex.schema.alterTable('sre_access_audit', table => {
      table.dropNullable('seq');
      table.dropNullable('prev_hash');
      table.dropNullable('hash');
    });
    // Row triggers do not fire on TRUNCATE; a statement trigger does.
    await knex.raw(`
      CREATE TRIGGER sre_access_audit_no_truncate
      BEFORE TRUNCATE ON sre_access_audit
      FOR EACH STATEMENT EXECUTE FUNCTION sre_access_audit_append_only()`);
  } else {
    // SQLite has no TRUNCATE (DELETE without WHERE fires the delete trigger),
    // and cannot make an added column NOT NULL without rebuilding the table,
    // which would drop its triggers: a trigger refuses unchained rows instead.
    await knex.raw(`
      CREATE TRIGGER sre_access_audit_chained
      BEFORE INSERT ON sre_access_audit
      WHEN NEW.seq IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL
      BEGIN SELECT RAISE(ABORT, 'sre_access_audit rows need seq, prev_hash and hash'); END`);
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      'DROP TRIGGER sre_access_audit_no_truncate ON sre_access_audit',
    );
  } else {
    await knex.raw('DROP TRIGGER sre_access_audit_chained');
  }
  await knex.schema.alterTable('sre_access_audit', table => {
    table.dropUnique(['campaign_id', 'seq'], 'sre_access_audit_chain_idx');
  });
  // SQLite's own DROP COLUMN: knex's would copy the table and lose its triggers.
  for (const column of ['hash', 'prev_hash', 'seq']) {
    await knex.raw('ALTER TABLE ?? DROP COLUMN ??', [
      'sre_access_audit',
      column,
    ]);
  }
};

/**
 * The hash `accessAuditHash` of `@baton/plugin-sre-common` gives, written
 * out here so that this migration keeps computing what it computed when it
 * was written; the migration test checks the two agree.
 *
 * @param {Record<string, unknown>} content
 * @returns {string}
 */
function auditRowHash(content) {
  return createHash('sha256')
    .update(canonicalJson(content), 'utf8')
    .digest('hex');
}

/**
 * JSON with object keys sorted (RFC 8785), as `canonicalJson` of
 * `@baton/plugin-sre-common` writes it.
 *
 * @param {unknown} value
 * @returns {string}
 */
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = /** @type {Record<string, unknown>} */ (value);
    return `{${Object.keys(record)
      .filter(key => record[key] !== undefined)
      .sort()
      .map(key => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
