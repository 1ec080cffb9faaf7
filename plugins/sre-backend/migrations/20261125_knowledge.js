// @ts-check

/**
 * The latest knowledge map and truck factor of each entity, computed from its
 * repositories' history on the scheduler.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sre_knowledge', table => {
    table.comment('Truck factor and knowledge map per catalog entity');
    table.string('entity_ref', 255).primary().notNullable();
    table.timestamp('computed_at', { useTz: true }).notNullable();
    table.string('status', 16).notNullable().comment('ok or error');
    table.text('error').nullable();
    table
      .text('repositories')
      .notNullable()
      .comment('JSON: location, subdir, revision');
    table.integer('truck_factor').nullable();
    table.integer('file_count').notNullable().defaultTo(0);
    table.integer('files_without_author').notNullable().defaultTo(0);
    table.string('mode', 16).notNullable();
    table.text('people').notNullable().comment('JSON array of KnowledgePerson');
    table
      .text('truck_factor_authors')
      .notNullable()
      .comment('JSON array of KnowledgePerson, in removal order');
    table
      .text('author_sets')
      .notNullable()
      .comment('JSON array of AuthorSet: people indexes and file counts');
    table.integer('iac_files').notNullable().defaultTo(0);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sre_knowledge');
};
