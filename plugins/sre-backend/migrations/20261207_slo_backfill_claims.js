// @ts-check

/**
 * Who is reading an entity's SLI history from its sources. Replicas share
 * the database, so the first request for an entity on each of them would
 * otherwise backfill the whole window from Prometheus or Mackerel once per
 * replica. A row is a live claim until `expires_at`; a holder that died
 * leaves an expired row, which the next claimant takes over.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sre_slo_backfill_claims', table => {
    table.comment(
      'One replica at a time reads the SLIs of an entity from sources',
    );
    table.string('entity_ref', 255).primary().notNullable();
    table
      .string('owner', 255)
      .notNullable()
      .comment('The replica holding the claim, for diagnosis');
    table
      .string('token', 64)
      .notNullable()
      .comment('Random per claim: only its holder extends or releases it');
    table.timestamp('claimed_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sre_slo_backfill_claims');
};
