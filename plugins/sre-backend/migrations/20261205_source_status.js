// @ts-check

/**
 * What each source and scheduled pull did last: its last success with the
 * counts it reported, and its last error with its time. One row per source,
 * written as an upsert by whichever replica ran it; an error is kept after a
 * later success so that an operator sees both.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sre_source_status', table => {
    table.comment(
      'Last success and last error of each source and scheduled pull, for GET /sources',
    );
    table
      .string('id', 255)
      .primary()
      .comment(
        'task:<task id>, cost:<source id>, alert-poller:<id>, webhook:<source>',
      );
    table.string('kind', 32).notNullable();
    table.string('trigger', 16).notNullable();
    table.string('provider', 255).notNullable();
    table.timestamp('last_success_at', { useTz: true }).nullable();
    table
      .text('last_counts')
      .nullable()
      .comment('JSON object of the counts the last success reported');
    table
      .text('last_error')
      .nullable()
      .comment('The last error message, credentials redacted');
    table.timestamp('last_error_at', { useTz: true }).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sre_source_status');
};
