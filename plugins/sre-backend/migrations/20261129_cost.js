// @ts-check

/**
 * Cost: daily amounts per source, entity, service name and currency, kept as
 * exact decimal strings (summed as integers, never as floats), and a log of
 * every import. `entity_ref` '' holds the spend no entity claims.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sre_cost_daily', table => {
    table.comment('Daily spend per source, entity, service name and currency');
    table.string('source', 64).notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment("'' for spend no entity claims (unallocated)");
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
      ['source', 'day', 'entity_ref', 'service_name', 'currency'],
      'sre_cost_daily_pk',
    );
    table.index(['entity_ref', 'day'], 'sre_cost_daily_entity_idx');
  });
  await knex.schema.createTable('sre_cost_imports', table => {
    table.comment(
      'Every batch stored, for tracing and to skip unchanged files',
    );
    table.bigIncrements('id').primary();
    table.string('source', 64).notNullable();
    table.string('origin', 1024).notNullable();
    table.string('fingerprint', 255).nullable();
    table.string('period_start', 10).notNullable();
    table.string('period_end', 10).notNullable().comment('Exclusive');
    table.integer('rows').notNullable();
    table.timestamp('imported_at', { useTz: true }).notNullable();
    table.index(['source', 'origin'], 'sre_cost_imports_origin_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sre_cost_imports');
  await knex.schema.dropTable('sre_cost_daily');
};
