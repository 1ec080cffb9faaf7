// @ts-check

/**
 * Drill-due notifications (issue #23): which due drill each team has been
 * told about, and at which level (due, then overdue), so that a scheduled
 * run on any replica, or after a restart, does not tell the team again.
 * Rows of drills no longer due are deleted by the notifier.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sre_drill_notifications', table => {
    table.comment('Due drills a team has been notified of');
    table.string('team_ref', 255).notNullable();
    table
      .string('scope', 1024)
      .notNullable()
      .comment('The notification scope: entity, scenario and last drill');
    table.string('level', 16).notNullable().comment('due or overdue');
    table.timestamp('first_sent_at', { useTz: true }).notNullable();
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['team_ref', 'scope'], 'sre_drill_notifications_pk');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sre_drill_notifications');
};
