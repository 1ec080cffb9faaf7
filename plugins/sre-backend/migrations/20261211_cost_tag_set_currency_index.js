// @ts-check

/**
 * The currencies of a tag set from the index alone: every cost report asks
 * which currencies an entity ever had, and without this reads each of its
 * daily rows (one heap page per day of history: 2 years of a service are
 * 1,460 pages, a 40-service team report 40 such reads).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('sre_cost_daily', table => {
    table.index(['tag_set_id', 'currency'], 'sre_cost_daily_currency_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('sre_cost_daily', table => {
    table.dropIndex(['tag_set_id', 'currency'], 'sre_cost_daily_currency_idx');
  });
};
