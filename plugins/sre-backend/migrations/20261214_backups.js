// @ts-check

/**
 * Backups (issue #23): each successful pull of a backup source, and what it
 * said about each protected resource then — one evidence row per resource
 * per pull, so the history of copies and restores is kept; a resource's
 * current evidence is its row in its source's latest pull. Old pulls are
 * pruned by the service (400 days), never a source's latest one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sre_backup_pulls', table => {
    table.comment('Successful pulls of backup sources');
    table.bigIncrements('id').primary();
    table
      .string('source_id', 128)
      .notNullable()
      .comment('The backup source, e.g. aws-backup-111111111111');
    table.timestamp('pulled_at', { useTz: true }).notNullable();
    table.integer('resources').notNullable();
    table.index(['source_id', 'id'], 'sre_backup_pulls_source_idx');
    table.index(['pulled_at'], 'sre_backup_pulls_pulled_at_idx');
  });
  await knex.schema.createTable('sre_backup_evidence', table => {
    table.comment('What one pull said about one protected resource');
    table
      .bigInteger('pull_id')
      .notNullable()
      .references('id')
      .inTable('sre_backup_pulls')
      .onDelete('CASCADE');
    table.string('resource_arn', 1024).notNullable();
    table.string('resource_type', 64).notNullable();
    table.string('account_id', 12).notNullable();
    table.string('region', 32).notNullable();
    table
      .text('evidence')
      .notNullable()
      .comment(
        'JSON: tags, last backup, copies per destination vault, last restore',
      );
    table.primary(['pull_id', 'resource_arn'], 'sre_backup_evidence_pk');
    table.index(
      ['resource_arn', 'pull_id'],
      'sre_backup_evidence_resource_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sre_backup_evidence');
  await knex.schema.dropTable('sre_backup_pulls');
};
