// @ts-check

/**
 * Access reviews: campaigns, the inventory each one froze when it started
 * (one row per grant, with its reviewers and decision), and an append-only
 * audit log that the database itself refuses to change.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sre_access_campaigns', table => {
    table.comment('Access-review campaigns');
    table.bigIncrements('id').primary();
    table.string('title', 200).notNullable();
    table.string('state', 16).notNullable().comment('open or closed');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('due_date', 10).nullable().comment('YYYY-MM-DD');
    table
      .timestamp('frozen_at', { useTz: true })
      .notNullable()
      .comment('When the inventory was copied in');
    table
      .text('resources')
      .notNullable()
      .comment(
        'JSON: the Resources reviewed, their source and generation time',
      );
    table.timestamp('closed_at', { useTz: true }).nullable();
    table.string('closed_by', 255).nullable();
  });
  await knex.schema.createTable('sre_access_items', table => {
    table.comment('The frozen inventory of a campaign, one row per grant');
    table.bigIncrements('id').primary();
    table
      .bigInteger('campaign_id')
      .notNullable()
      .references('id')
      .inTable('sre_access_campaigns');
    table.string('resource_ref', 255).notNullable();
    table.string('source', 255).notNullable();
    table.timestamp('generated_at', { useTz: true }).notNullable();
    table.string('principal', 255).notNullable();
    table.string('principal_kind', 32).notNullable();
    table.string('user_ref', 255).nullable();
    table.string('resource', 512).notNullable();
    table.string('privilege', 1024).notNullable();
    table.timestamp('last_used_at', { useTz: true }).nullable();
    table.text('flags').notNullable().comment('JSON array');
    table.text('reviewers').notNullable().comment('JSON array of user refs');
    table.string('decision', 16).nullable();
    table.string('transfer_to', 255).nullable();
    table.text('comment').nullable();
    table.string('decided_by', 255).nullable();
    table.timestamp('decided_at', { useTz: true }).nullable();
    table.index(['campaign_id'], 'sre_access_items_campaign_idx');
  });
  await knex.schema.createTable('sre_access_audit', table => {
    table.comment('Append-only audit log of access reviews');
    table.bigIncrements('id').primary();
    table.bigInteger('campaign_id').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 32).notNullable();
    table.bigInteger('item_id').nullable();
    table.text('details').notNullable().comment('JSON object');
    table.index(['campaign_id', 'id'], 'sre_access_audit_campaign_idx');
  });
  // Evidence must not be editable, not even by a bug of ours.
  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION sre_access_audit_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'sre_access_audit is append-only';
      END;
      $$ LANGUAGE plpgsql`);
    await knex.raw(`
      CREATE TRIGGER sre_access_audit_append_only
      BEFORE UPDATE OR DELETE ON sre_access_audit
      FOR EACH ROW EXECUTE FUNCTION sre_access_audit_append_only()`);
  } else {
    for (const event of ['UPDATE', 'DELETE']) {
      await knex.raw(`
        CREATE TRIGGER sre_access_audit_no_${event.toLowerCase()}
        BEFORE ${event} ON sre_access_audit
        BEGIN SELECT RAISE(ABORT, 'sre_access_audit is append-only'); END`);
    }
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sre_access_audit');
  if (knex.client.config.client === 'pg') {
    await knex.raw('DROP FUNCTION IF EXISTS sre_access_audit_append_only()');
  }
  await knex.schema.dropTable('sre_access_items');
  await knex.schema.dropTable('sre_access_campaigns');
};
