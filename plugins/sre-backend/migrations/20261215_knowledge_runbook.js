// @ts-check

/**
 * The runbook file's history (last change, who changed it), read in the same
 * pass as the knowledge map. Null for snapshots from before, and for entities
 * whose runbook is not in a repository Baton reads.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('sre_knowledge', table => {
    table
      .text('runbook')
      .nullable()
      .comment('JSON: the runbook file, its last change and who changed it');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('sre_knowledge', table => {
    table.dropColumn('runbook');
  });
};
