import { Migration } from '@mikro-orm/migrations';

/**
 * What the public pages' guards share between API processes on one database:
 * - `public_rate_limit`: hits per client per fixed window (a SHA-256 of the client address, never the address);
 *   each process counts locally and adds its hits here in batches, at once when a client nears its limit.
 * - `public_revision`: one row whose counter every successful write increments; a process that sees it move
 *   drops its cached public answers (so a write through one process reaches the other's widget within the sync
 *   interval).
 */
export class Migration0009PublicSharedState extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const limits = k.schema.createTable('public_rate_limit', (t) => {
      t.string('bucket', 64).notNullable();
      t.bigInteger('window_start').notNullable().index();
      t.integer('hits').notNullable();
      t.primary(['bucket', 'window_start']);
    });
    const revision = k.schema.createTable('public_revision', (t) => {
      t.integer('id').primary();
      t.bigInteger('revision').notNullable();
    });
    for (const s of [...limits.toSQL(), ...revision.toSQL()]) this.addSql(s.sql);
    this.addSql(k('public_revision').insert({ id: 1, revision: 0 }).toQuery());
  }

  override async down(): Promise<void> {
    const k = this.getKnex();
    this.addSql(k.schema.dropTableIfExists('public_revision').toQuery());
    this.addSql(k.schema.dropTableIfExists('public_rate_limit').toQuery());
  }
}
