/** True when a knex instance talks to PostgreSQL (else it is SQLite): for the few places where SQL must differ. */
export function isPostgres(knex: { client: unknown }): boolean {
  return /^(pg|postgres)/.test(String((knex.client as { dialect?: string }).dialect ?? ''));
}
