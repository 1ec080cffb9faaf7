// @ts-check

/**
 * Recovery drills (issue #23): one row per drill of a team, planned and then
 * recorded (who took part, how it went), with the entities it practised on;
 * and follow-up action items of a drill kept with the reviews' action items
 * (review_id null, drill_id set), so that the team's next reliability review
 * carries them over like its own.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sre_drills', table => {
    table.comment('Recovery drills of teams: planned, then recorded');
    table.bigIncrements('id').primary();
    table.string('team_ref', 255).notNullable();
    table
      .string('scenario', 32)
      .notNullable()
      .comment('restore-from-backup, region-failover, access-loss, …');
    table.string('title', 500).notNullable();
    table.string('planned_for', 10).nullable().comment('YYYY-MM-DD');
    table.timestamp('performed_at', { useTz: true }).nullable();
    table
      .text('participants')
      .notNullable()
      .comment('JSON array of the User refs who took part');
    table.string('outcome', 32).nullable();
    table.integer('recovery_minutes').nullable();
    table.text('notes').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('recorded_at', { useTz: true }).nullable();
    table.string('recorded_by', 255).nullable();
    table.index(['team_ref', 'id'], 'sre_drills_team_idx');
  });
  await knex.schema.createTable('sre_drill_entities', table => {
    table.comment('The entities each drill practised on');
    table
      .bigInteger('drill_id')
      .notNullable()
      .references('id')
      .inTable('sre_drills')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.primary(['drill_id', 'entity_ref'], 'sre_drill_entities_pk');
    table.index(['entity_ref', 'drill_id'], 'sre_drill_entities_entity_idx');
  });
  // An action item comes from a review or from a drill.
  await knex.schema.alterTable('sre_review_actions', table => {
    table.bigInteger('review_id').nullable().alter();
    table
      .bigInteger('drill_id')
      .nullable()
      .references('id')
      .inTable('sre_drills')
      .onDelete('CASCADE');
    table.index(['drill_id'], 'sre_review_actions_drill_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('sre_review_actions').whereNull('review_id').delete();
  await knex.schema.alterTable('sre_review_actions', table => {
    table.dropIndex(['drill_id'], 'sre_review_actions_drill_idx');
    table.dropColumn('drill_id');
    table.bigInteger('review_id').notNullable().alter();
  });
  await knex.schema.dropTable('sre_drill_entities');
  await knex.schema.dropTable('sre_drills');
};
