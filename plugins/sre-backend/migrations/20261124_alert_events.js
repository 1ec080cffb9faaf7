// @ts-check

/**
 * The first table of the sre plugin: alert events as receivers store them.
 * `dedupe_key` is unique per source so that a re-sent webhook, even one that
 * reaches two replicas at once, collapses into one row in the database.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sre_alert_events', table => {
    table.comment('Alert events received from webhooks and pulls');
    table.bigIncrements('id').primary();
    table
      .string('source', 32)
      .notNullable()
      .comment('alertmanager, mackerel, …');
    table
      .string('dedupe_key', 255)
      .notNullable()
      .comment('Stable key of the event at its source');
    table.string('entity_ref', 255).nullable().comment('Owning catalog entity');
    table.string('title', 1024).notNullable();
    table.string('severity', 16).notNullable();
    table.string('status', 16).notNullable().comment('firing or resolved');
    table.timestamp('starts_at', { useTz: true }).notNullable();
    table.timestamp('ends_at', { useTz: true }).nullable();
    table.text('labels').notNullable().comment('JSON object of labels');
    table.text('acknowledged_by').notNullable().comment('JSON array of refs');
    table.string('url', 2048).nullable();
    table
      .timestamp('received_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.unique(['source', 'dedupe_key'], {
      indexName: 'sre_alert_events_source_dedupe_key_idx',
    });
    table.index(
      ['entity_ref', 'starts_at'],
      'sre_alert_events_entity_starts_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sre_alert_events');
};
