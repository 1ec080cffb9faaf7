// @ts-check
const crypto = require('crypto');

/** As tagSetHash in src/cost/CostAllocation.ts. */
const sha256 = (/** @type {string} */ text) =>
  crypto.createHash('sha256').update(text).digest('hex');

/**
 * `sre_cost_daily` keyed by an entity (before tag sets) or a tag set.
 *
 * @param {import('knex').Knex} knex
 * @param {{ comment: string, key: (table: import('knex').Knex.CreateTableBuilder) => void, keyColumn: string, primaryKey: string, index: string }} options
 */
async function createDailyTable(knex, options) {
  await knex.schema.createTable('sre_cost_daily', table => {
    table.comment(options.comment);
    table.string('source', 64).notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    options.key(table);
    table
      .string('service_name', 255)
      .notNullable()
      .comment("FOCUS ServiceName; '' when the source gave none");
    table.string('currency', 3).notNullable();
    table.string('billed', 64).notNullable().comment('Exact decimal');
    table.string('effective', 64).notNullable().comment('Exact decimal');
    table
      .boolean('estimated')
      .notNullable()
      .comment('The source may still change it');
    table.primary(
      ['source', 'day', options.keyColumn, 'service_name', 'currency'],
      options.primaryKey,
    );
    table.index([options.keyColumn, 'day'], options.index);
  });
}

/**
 * Cost is allocated when read, not when imported: daily rows keep their tag
 * set (every tag, canonical JSON) instead of an entity, and reports resolve
 * the sets with the catalog's current annotations, so re-tagging an entity
 * moves its whole history.
 *
 * Rows stored before this kept no tags. Each allocated one moves to a tag
 * set pinned to its entity (`entity_ref`), unallocated ones to the empty
 * set: every amount stays where it was, and a source's days imported again
 * get their real tags.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sre_cost_tag_sets', table => {
    table.comment(
      'Distinct tag sets of cost rows, resolved to entities when reports are read',
    );
    // int, not bigint: PostgreSQL hands bigints to JavaScript as strings.
    table.increments('id').primary();
    table
      .string('hash', 64)
      .notNullable()
      .comment('sha256 of tags (or of entity:<ref> for a pinned set)');
    table.text('tags').notNullable().comment('JSON object, keys sorted');
    table
      .string('entity_ref', 255)
      .nullable()
      .comment(
        'Only for rows stored before tag sets: the entity they were allocated to',
      );
    table.unique(['hash'], { indexName: 'sre_cost_tag_sets_hash_idx' });
  });
  await knex.schema.renameTable('sre_cost_daily', 'sre_cost_daily_by_entity');
  // New constraint names: PostgreSQL keeps the renamed table's until it is dropped.
  await createDailyTable(knex, {
    comment: 'Daily spend per source, tag set, service name and currency',
    // No foreign key: it would be checked for every row of an import, and
    // tag sets are never deleted.
    key: table =>
      table.integer('tag_set_id').notNullable().comment('sre_cost_tag_sets.id'),
    keyColumn: 'tag_set_id',
    primaryKey: 'sre_cost_daily_tag_set_pk',
    index: 'sre_cost_daily_tag_set_idx',
  });

  await knex('sre_cost_tag_sets').insert({
    hash: sha256('{}'),
    tags: '{}',
    entity_ref: null,
  });
  const refs = await knex('sre_cost_daily_by_entity')
    .whereNot('entity_ref', '')
    .distinct('entity_ref');
  for (let i = 0; i < refs.length; i += 500) {
    await knex('sre_cost_tag_sets').insert(
      refs.slice(i, i + 500).map(({ entity_ref }) => ({
        hash: sha256(`entity:${entity_ref}`),
        tags: '{}',
        entity_ref,
      })),
    );
  }
  const empty = await knex('sre_cost_tag_sets')
    .where({ hash: sha256('{}') })
    .first('id');
  // One statement: the rows never pass through JavaScript. The old key maps
  // one to one onto the new, so no two rows meet.
  await knex.raw(
    `INSERT INTO sre_cost_daily
       (source, day, tag_set_id, service_name, currency, billed, effective, estimated)
     SELECT o.source, o.day, COALESCE(t.id, ?), o.service_name, o.currency,
            o.billed, o.effective, o.estimated
     FROM sre_cost_daily_by_entity o
     LEFT JOIN sre_cost_tag_sets t ON t.entity_ref = o.entity_ref`,
    [empty.id],
  );
  await knex.schema.dropTable('sre_cost_daily_by_entity');
};

/** Exact decimal strings (12 places at most, as the store writes them) in 10^-12 units. */
const PLACES = 12;
const toUnits = (/** @type {string} */ text) => {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace(/^[-+]/, '').split('.');
  const units =
    BigInt(whole || '0') * 10n ** BigInt(PLACES) +
    BigInt(fraction.padEnd(PLACES, '0').slice(0, PLACES));
  return negative ? -units : units;
};
const fromUnits = (/** @type {bigint} */ units) => {
  const magnitude = units < 0n ? -units : units;
  const scale = 10n ** BigInt(PLACES);
  const fraction = (magnitude % scale)
    .toString()
    .padStart(PLACES, '0')
    .replace(/0+$/, '');
  return `${units < 0n ? '-' : ''}${magnitude / scale}${
    fraction ? `.${fraction}` : ''
  }`;
};

/**
 * Back to rows per entity. Without the catalog, only pinned tag sets know
 * theirs: spend imported since `up` goes back as unallocated (summed
 * exactly per key) until its source is imported again.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.renameTable('sre_cost_daily', 'sre_cost_daily_by_tags');
  await createDailyTable(knex, {
    comment: 'Daily spend per source, entity, service name and currency',
    key: table =>
      table
        .string('entity_ref', 255)
        .notNullable()
        .comment("'' for spend no entity claims (unallocated)"),
    keyColumn: 'entity_ref',
    primaryKey: 'sre_cost_daily_pk',
    index: 'sre_cost_daily_entity_idx',
  });
  /** @type {Map<string, {source: string, day: string, entity_ref: string, service_name: string, currency: string, billed: bigint, effective: bigint, estimated: boolean}>} */
  const rows = new Map();
  const stored = await knex('sre_cost_daily_by_tags as d')
    .join('sre_cost_tag_sets as t', 't.id', 'd.tag_set_id')
    .select(
      'd.source',
      'd.day',
      't.entity_ref',
      'd.service_name',
      'd.currency',
      'd.billed',
      'd.effective',
      'd.estimated',
    );
  for (const row of stored) {
    const entityRef = row.entity_ref ?? '';
    const key = JSON.stringify([
      row.source,
      row.day,
      entityRef,
      row.service_name,
      row.currency,
    ]);
    const sum = rows.get(key) ?? {
      source: row.source,
      day: row.day,
      entity_ref: entityRef,
      service_name: row.service_name,
      currency: row.currency,
      billed: 0n,
      effective: 0n,
      estimated: false,
    };
    sum.billed += toUnits(row.billed);
    sum.effective += toUnits(row.effective);
    sum.estimated ||= Boolean(row.estimated);
    rows.set(key, sum);
  }
  const all = [...rows.values()].map(row => ({
    ...row,
    billed: fromUnits(row.billed),
    effective: fromUnits(row.effective),
  }));
  for (let i = 0; i < all.length; i += 500) {
    await knex('sre_cost_daily').insert(all.slice(i, i + 500));
  }
  await knex.schema.dropTable('sre_cost_daily_by_tags');
  await knex.schema.dropTable('sre_cost_tag_sets');
};
