// @ts-check

/**
 * Reliability reviews: one row per review of a team (at most one in
 * progress per team), with its markdown notes and, once finished, a snapshot
 * of the agenda it looked at; and the action items raised in reviews, which
 * stay open across reviews until someone marks them done or dropped.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sre_reviews', table => {
    table.comment('A reliability review of a team');
    table.bigIncrements('id').primary();
    table.string('team_ref', 255).notNullable();
    table.string('state', 16).notNullable().comment('in-progress or finished');
    table
      .timestamp('since', { useTz: true })
      .notNullable()
      .comment("Where the review's agenda starts");
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.string('started_by', 255).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.string('finished_by', 255).nullable();
    table.text('attendees').notNullable().comment('JSON array of user refs');
    table.text('notes').notNullable().comment('Markdown');
    table
      .integer('revision')
      .notNullable()
      .comment('Grows by one on every change: detects concurrent edits');
    table
      .text('agenda')
      .nullable()
      .comment('JSON of the agenda, taken when the review finished');
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['team_ref', 'finished_at'], 'sre_reviews_team_idx');
  });
  // Two people pressing "Start" at once get one review, not two.
  await knex.raw(
    "CREATE UNIQUE INDEX sre_reviews_one_in_progress ON sre_reviews (team_ref) WHERE state = 'in-progress'",
  );
  await knex.schema.createTable('sre_review_actions', table => {
    table.comment('Action items raised in reviews');
    table.bigIncrements('id').primary();
    table.string('team_ref', 255).notNullable();
    table
      .bigInteger('review_id')
      .notNullable()
      .references('id')
      .inTable('sre_reviews')
      .onDelete('CASCADE');
    table.string('title', 500).notNullable();
    table.string('owner_ref', 255).nullable();
    table.string('due', 10).nullable().comment('YYYY-MM-DD');
    table.string('link', 2048).nullable();
    table.string('status', 16).notNullable().comment('open, done or dropped');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('closed_at', { useTz: true }).nullable();
    table.string('closed_by', 255).nullable();
    table.bigInteger('closed_in_review_id').nullable();
    table.index(['team_ref', 'status'], 'sre_review_actions_team_idx');
    table.index(['review_id'], 'sre_review_actions_review_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sre_review_actions');
  await knex.schema.dropTable('sre_reviews');
};
