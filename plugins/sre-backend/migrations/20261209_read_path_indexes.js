// @ts-check

/**
 * Indexes for reads that the large-catalog bench (src/bench) found
 * scanning whole tables:
 * - cost rows by day: a team report weighs the team's spend against every
 *   service's in its range (its share of the untagged spend); the primary
 *   key starts with the source, the other index with the tag set;
 * - alerts still firing: an alert list, a team's and the review agenda's,
 *   starts with the ones that fired before its range and still fire, a few
 *   among millions.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('sre_cost_daily', table => {
    table.index(['day'], 'sre_cost_daily_day_idx');
  });
  // Partial (PostgreSQL and SQLite alike): only the firing rows are indexed.
  await knex.raw(
    "CREATE INDEX sre_alerts_firing_idx ON sre_alerts (starts_at, id) WHERE status = 'firing'",
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.raw('DROP INDEX sre_alerts_firing_idx');
  await knex.schema.alterTable('sre_cost_daily', table => {
    table.dropIndex(['day'], 'sre_cost_daily_day_idx');
  });
};
