// @ts-check

/**
 * Production changes (issue #22): one row per change as its source sent it,
 * unique by (source, external_id) so a change sent again replaces its row;
 * the entities it touched and the people in it (operators, pairs, the
 * procedure's authors and reviewers) as the source named them, with the
 * catalog User each matched; and where each pulled source got to.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sre_changes', table => {
    table.comment('Production changes, as their sources sent them');
    table.bigIncrements('id').primary();
    table
      .string('source', 64)
      .notNullable()
      .comment('webhook, cli, github, terraform, or a module’s id');
    table.string('external_id', 255).notNullable();
    table.string('kind', 32).notNullable();
    table.string('environment', 64).nullable();
    table.string('title', 1024).notNullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.string('outcome', 16).notNullable();
    table.string('procedure_url', 2048).nullable();
    table.string('terraform_workspace', 255).nullable();
    table.integer('plan_add').nullable();
    table.integer('plan_change').nullable();
    table.integer('plan_destroy').nullable();
    table.double('apply_seconds').nullable();
    table.text('links').notNullable().comment('JSON array of { title, url }');
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.unique(['source', 'external_id'], {
      indexName: 'sre_changes_source_external_id_uq',
    });
    table.index(['started_at', 'id'], 'sre_changes_started_idx');
  });
  await knex.schema.createTable('sre_change_entities', table => {
    table.comment('The catalog entities each change touched');
    table
      .bigInteger('change_id')
      .notNullable()
      .references('id')
      .inTable('sre_changes')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table
      .timestamp('started_at', { useTz: true })
      .notNullable()
      .comment('Copy of the change’s, for the range index');
    table.primary(['change_id', 'entity_ref'], 'sre_change_entities_pk');
    table.index(
      ['entity_ref', 'started_at', 'change_id'],
      'sre_change_entities_range_idx',
    );
  });
  await knex.schema.createTable('sre_change_people', table => {
    table.comment('The people of each change, as named, matched to Users');
    table
      .bigInteger('change_id')
      .notNullable()
      .references('id')
      .inTable('sre_changes')
      .onDelete('CASCADE');
    table
      .string('role', 16)
      .notNullable()
      .comment('operator, pair, author (of the procedure) or reviewer');
    table.integer('position').notNullable().comment('Order within the role');
    table
      .string('identity_kind', 32)
      .notNullable()
      .comment('github-login, email, terraform-user or name');
    table.string('identity_value', 255).notNullable();
    table
      .string('user_ref', 255)
      .nullable()
      .comment('The catalog User matched; null: unmatched');
    table.primary(['change_id', 'role', 'position'], 'sre_change_people_pk');
    table.index(['user_ref'], 'sre_change_people_user_idx');
  });
  await knex.schema.createTable('sre_change_pulls', table => {
    table.comment('Where each change source’s scheduled pull got to');
    table.string('source', 64).primary();
    table.timestamp('pulled_until', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sre_change_pulls');
  await knex.schema.dropTable('sre_change_people');
  await knex.schema.dropTable('sre_change_entities');
  await knex.schema.dropTable('sre_changes');
};
