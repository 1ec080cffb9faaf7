// @ts-check

/**
 * SLO definitions per entity, one series per SLO objective, and the SLI
 * snapshots: good and total events per evaluation step with running totals,
 * so that any window is the difference of two rows.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sre_slo_entities', table => {
    table.comment('OpenSLO definitions and problems read for each entity');
    table.string('entity_ref', 255).primary().notNullable();
    table.text('definitions').notNullable().comment('JSON SloDefinition[]');
    table.text('problems').notNullable().comment('JSON SloProblem[]');
    table
      .string('maintenance', 4000)
      .nullable()
      .comment('baton.dev/maintenance as read');
    table.timestamp('read_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('sre_slo_series', table => {
    table.comment('One SLI series per SLO objective');
    table.increments('id');
    table.string('entity_ref', 255).notNullable();
    table.string('slo_name', 255).notNullable();
    table.integer('objective_index').notNullable();
    table
      .string('definition_hash', 64)
      .notNullable()
      .comment('of the queries and threshold; a change restarts the series');
    table
      .bigInteger('first_step')
      .nullable()
      .comment('epoch ms of the first stored step end');
    table
      .bigInteger('last_step')
      .nullable()
      .comment('epoch ms of the last stored step end');
    table.timestamp('last_evaluated_at', { useTz: true }).nullable();
    table.text('last_error').nullable();
    table.unique(['entity_ref', 'slo_name', 'objective_index'], {
      indexName: 'sre_slo_series_objective_uq',
    });
  });
  await knex.schema.createTable('sre_sli_snapshots', table => {
    table.comment('Good and total events per step, and their running totals');
    table
      .integer('series_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('sre_slo_series')
      .onDelete('CASCADE');
    table
      .bigInteger('step_end')
      .notNullable()
      .comment('epoch ms; the step is (step_end - step, step_end]');
    table.double('good').notNullable();
    table.double('total').notNullable();
    table.double('cum_good').notNullable();
    table.double('cum_total').notNullable();
    table.primary(['series_id', 'step_end'], 'sre_sli_snapshots_pk');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sre_sli_snapshots');
  await knex.schema.dropTable('sre_slo_series');
  await knex.schema.dropTable('sre_slo_entities');
};
