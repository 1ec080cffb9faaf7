// @ts-check

/**
 * A failed knowledge refresh keeps the last good snapshot: `error` then says
 * why the latest refresh failed and `error_at` when, beside numbers that are
 * still from `computed_at`. (An entity never read successfully keeps
 * status `error`, as before.)
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('sre_knowledge', table => {
    table
      .timestamp('error_at', { useTz: true })
      .nullable()
      .comment('When the refresh that left `error` failed');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('sre_knowledge', table => {
    table.dropColumn('error_at');
  });
};
