// @ts-check

/**
 * Alert history: one row per alert instance (`sre_alerts`, unique per source
 * and source key, so that a re-sent or concurrent delivery collapses into
 * one row in the database), the entities each maps to, and an append-only
 * event table (fired, state change, resolved, acknowledged, with the actor).
 * Replaces the first migration's `sre_alert_events`, which nothing wrote.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.dropTable('sre_alert_events');
  await knex.schema.createTable('sre_alerts', table => {
    table.comment('One row per alert instance');
    table.bigIncrements('id').primary();
    table.string('source', 32).notNullable();
    table
      .string('source_key', 512)
      .notNullable()
      .comment('Dedupe key of the instance at its source');
    table
      .string('monitor', 512)
      .notNullable()
      .comment('Monitor or rule; compared for flapping');
    table.string('title', 1024).notNullable();
    table.string('severity', 16).notNullable();
    table.string('status', 16).notNullable().comment('firing or resolved');
    table.timestamp('starts_at', { useTz: true }).notNullable();
    table.timestamp('ends_at', { useTz: true }).nullable();
    table.string('resolved_by', 16).nullable().comment('source or person');
    table.timestamp('acknowledged_at', { useTz: true }).nullable();
    table
      .text('acknowledged_by')
      .notNullable()
      .comment('JSON array of user refs');
    table.text('labels').notNullable().comment('JSON object');
    table.text('links').notNullable().comment('JSON array of { url, title }');
    table.string('runbook_url', 2048).nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['source', 'source_key'], {
      indexName: 'sre_alerts_source_key_uq',
    });
    table.index(['source', 'monitor', 'starts_at'], 'sre_alerts_monitor_idx');
    table.index(['starts_at', 'id'], 'sre_alerts_starts_idx');
  });
  await knex.schema.createTable('sre_alert_entities', table => {
    table.comment('The catalog entities each alert maps to');
    table
      .bigInteger('alert_id')
      .notNullable()
      .references('id')
      .inTable('sre_alerts')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table
      .timestamp('starts_at', { useTz: true })
      .notNullable()
      .comment('Copy of the alert’s, for the history index');
    table.primary(['alert_id', 'entity_ref'], 'sre_alert_entities_pk');
    table.index(
      ['entity_ref', 'starts_at', 'alert_id'],
      'sre_alert_entities_history_idx',
    );
  });
  await knex.schema.createTable('sre_alert_events', table => {
    table.comment(
      'Append-only history of each alert: nothing updates or deletes a row',
    );
    table.bigIncrements('id').primary();
    table
      .bigInteger('alert_id')
      .notNullable()
      .references('id')
      .inTable('sre_alerts')
      .onDelete('CASCADE');
    table
      .string('type', 16)
      .notNullable()
      .comment('fired, state-change, resolved, acknowledged');
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('actor', 255).nullable();
    table
      .string('event_key', 255)
      .notNullable()
      .comment('Dedupe key within the alert');
    table.text('details').nullable().comment('JSON');
    table.unique(['alert_id', 'event_key'], {
      indexName: 'sre_alert_events_key_uq',
    });
  });
  await knex.schema.createTable('sre_alert_pollers', table => {
    table.comment(
      'Where each alert poller got to, so the next pull is incremental',
    );
    table.string('poller', 64).primary();
    table.timestamp('polled_until', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sre_alert_pollers');
  await knex.schema.dropTable('sre_alert_events');
  await knex.schema.dropTable('sre_alert_entities');
  await knex.schema.dropTable('sre_alerts');
  // The first migration's table, as it was.
  await knex.schema.createTable('sre_alert_events', table => {
    table.bigIncrements('id').primary();
    table.string('source', 32).notNullable();
    table.string('dedupe_key', 255).notNullable();
    table.string('entity_ref', 255).nullable();
    table.string('title', 1024).notNullable();
    table.string('severity', 16).notNullable();
    table.string('status', 16).notNullable();
    table.timestamp('starts_at', { useTz: true }).notNullable();
    table.timestamp('ends_at', { useTz: true }).nullable();
    table.text('labels').notNullable();
    table.text('acknowledged_by').notNullable();
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
