// @ts-check

/**
 * One readiness snapshot per entity and day, so cards can show the trend.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sre_readiness_history', table => {
    table.comment('Daily readiness score and level per catalog entity');
    table.string('entity_ref', 255).notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table.integer('score').notNullable();
    table.string('level', 32).notNullable();
    table.integer('truck_factor').nullable();
    table.primary(['entity_ref', 'day'], 'sre_readiness_history_pk');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sre_readiness_history');
};
