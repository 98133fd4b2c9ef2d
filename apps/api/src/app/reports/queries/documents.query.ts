import { ACKNOWLEDGED_CONDITION, LocalDate, ON_TIME_CONDITION, overdueCondition, RecipientField } from '@socium/domain';

import type { Knex } from '@mikro-orm/knex';

import { num, Row } from './report-rows';
import { countWhere, ReportSql } from './report-sql';

const RECIPIENT_COLUMNS: Record<RecipientField, string> = {
  state: 'r.state',
  dueOn: 'd.due_on',
  acknowledgedOn: 'r.acknowledged_on',
};

/** Recipients of the documents issued in the period (covering index of migration 0003 on SQLite, school first). */
function periodRecipients(db: ReportSql): Knex.QueryBuilder {
  return db.scoped(
    db.inPeriod(
      db
        .indexed('document_recipient', 'r', 'document_recipient_report_idx')
        .join('document as d', 'd.id', 'r.document_id'),
      'd.issued_on',
    ),
    'r.organisation_id',
  );
}

/**
 * Recipients of the documents issued in the period, per recipient organisation: acknowledged, overdue and
 * acknowledged on time counted by the domain's conditions (`hasAcknowledged`, `isRecipientOverdue`, `acknowledgedOnTime`).
 */
export async function documentsByOrg(
  db: ReportSql,
): Promise<Map<string, { recipients: number; acknowledged: number; overdue: number; onTime: number }>> {
  const k = db.k;
  const rows: Row[] = await periodRecipients(db)
    .select(
      'r.organisation_id as org',
      k.raw('COUNT(*) as n'),
      countWhere(k, ACKNOWLEDGED_CONDITION, RECIPIENT_COLUMNS, 'ack'),
      countWhere(k, overdueCondition(LocalDate.iso(db.w.today)), RECIPIENT_COLUMNS, 'overdue'),
      countWhere(k, ON_TIME_CONDITION, RECIPIENT_COLUMNS, 'on_time'),
    )
    .groupBy('r.organisation_id');
  return new Map(
    rows.map((r) => [
      String(r['org']),
      { recipients: num(r['n']), acknowledged: num(r['ack']), overdue: num(r['overdue']), onTime: num(r['on_time']) },
    ]),
  );
}

/** (sentOn, acknowledgedOn, count) of acknowledged recipients, for the median time to acknowledge. */
export async function acknowledgementPairs(
  db: ReportSql,
): Promise<{ sentOn: string; acknowledgedOn: string; count: number }[]> {
  const rows: Row[] = await periodRecipients(db)
    .whereNotNull('r.acknowledged_on')
    .select('r.sent_on as sentOn', 'r.acknowledged_on as acknowledgedOn')
    .count('* as n')
    .groupBy('r.sent_on', 'r.acknowledged_on');
  return rows.map((r) => ({
    sentOn: String(r['sentOn']),
    acknowledgedOn: String(r['acknowledgedOn']),
    count: num(r['n']),
  }));
}
