import { Migration } from '@mikro-orm/migrations';

/**
 * `login_throttle`: the log-in attempt counters, kept in the database so that every API process behind a proxy
 * shares them and so that counting is one atomic upsert (`insert … on conflict do update … returning`) made
 * before the password is checked. One row per counted key (a SHA-256 of the e-mail or of the client address,
 * never the address itself): when its fixed window began (epoch milliseconds) and the attempts since.
 */
export class Migration0007LoginThrottle extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const q = k.schema.createTable('login_throttle', (t) => {
      t.string('throttle_key', 64).primary();
      t.bigInteger('window_start').notNullable().index();
      t.integer('attempts').notNullable();
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }

  override async down(): Promise<void> {
    this.addSql(this.getKnex().schema.dropTableIfExists('login_throttle').toQuery());
  }
}
