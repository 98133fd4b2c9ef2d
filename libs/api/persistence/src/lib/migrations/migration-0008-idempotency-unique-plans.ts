import { Migration } from '@mikro-orm/migrations';

/** The unique index of plans: one plan per organisation, academic year and agreement ('' stands for "none"). */
export const PLAN_UNIQUE_INDEX = 'plan_organisation_year_agreement_unique';

/**
 * Two changes for concurrent requests (issue 16):
 *
 * - `idempotency_key`: the claimed `Idempotency-Key`s of create requests, shared by every API process on the
 *   database (see `IdempotencyRecord`).
 * - `plan_organisation_year_agreement_unique`: one plan per organisation, academic year and agreement, enforced by
 *   the database, so two simultaneous creates cannot both pass the service's sequential check. A plan without an
 *   agreement stores NULL, and NULLs are distinct in a unique index on both databases, so the index is on
 *   `coalesce(agreement_id, '')`: two plans of one organisation and year without an agreement clash too.
 *
 * A database written before this migration may already hold such duplicates (only two creates racing could make
 * them). They are not merged or deleted here: which of two plans with their activities, statuses and approvals
 * is the right one is the school's decision. The migration checks first and, when it finds any, stops with a
 * message naming each duplicated organisation, year and agreement and the plans' ids; the whole upgrade is rolled
 * back (migrations run in one transaction, all or nothing), so the database stays as the previous version left it.
 * Keep one plan of each group (delete the others with the previous version, after moving their activities if
 * needed) and start again.
 */
export class Migration0008IdempotencyUniquePlans extends Migration {
  override async up(): Promise<void> {
    const duplicates = (await this.execute(
      `select p.id, p.organisation_id, p.academic_year, p.agreement_id from plan p
        where exists (select 1 from plan q where q.id <> p.id and q.organisation_id = p.organisation_id
                        and q.academic_year = p.academic_year and coalesce(q.agreement_id, '') = coalesce(p.agreement_id, ''))
        order by p.organisation_id, p.academic_year, coalesce(p.agreement_id, ''), p.id`,
    )) as DuplicatePlan[];
    if (duplicates.length) throw new Error(duplicatePlansMessage(duplicates));
    const k = this.getKnex();
    const q = k.schema.createTable('idempotency_key', (t) => {
      t.string('scope_key', 64).primary();
      t.string('request_hash', 64).notNullable();
      t.integer('status_code').nullable();
      t.text('response_body').nullable();
      t.bigInteger('created_at').notNullable().index();
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
    this.addSql(
      `create unique index ${PLAN_UNIQUE_INDEX} on plan (organisation_id, academic_year, coalesce(agreement_id, ''))`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists ${PLAN_UNIQUE_INDEX}`);
    this.addSql(this.getKnex().schema.dropTableIfExists('idempotency_key').toQuery());
  }
}

interface DuplicatePlan {
  id: string;
  organisation_id: string;
  academic_year: string;
  agreement_id: string | null;
}

/** What the operator reads when the upgrade stops: each group of duplicated plans and their ids. */
export function duplicatePlansMessage(plans: readonly DuplicatePlan[]): string {
  const groups = new Map<string, string[]>();
  for (const p of plans) {
    const group = `organisation ${p.organisation_id}, year ${p.academic_year}, agreement ${p.agreement_id ?? 'none'}`;
    groups.set(group, [...(groups.get(group) ?? []), p.id]);
  }
  const lines = [...groups].map(([group, ids]) => `- ${group}: plans ${ids.join(', ')}`);
  return [
    'Migration0008: the database holds several plans for one organisation, academic year and agreement; keep one',
    'plan of each group (delete the others, after moving their activities if needed) and start again:',
    ...lines,
  ].join('\n');
}
