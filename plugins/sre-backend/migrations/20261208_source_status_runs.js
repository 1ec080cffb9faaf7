// @ts-check

/**
 * How many times each source has finished (a success or an error), counted
 * by every replica in one row: the replica harness compares a scheduled
 * task's runs with the cadences that elapsed, so a task run twice (once on
 * each replica) shows.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('sre_source_status', table => {
    table
      .integer('runs')
      .notNullable()
      .defaultTo(0)
      .comment('Finished runs (successes and errors), across all replicas');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('sre_source_status', table => {
    table.dropColumn('runs');
  });
};
