import {
  AgreementData,
  AgreementField,
  agreementTextOn,
  AmendmentHistoryEntry,
  inForceCandidateCondition,
  isInForce,
  LIVE_ACTIVITY_STATUSES,
  LocalDate,
} from '@socium/domain';

import { agreementDataOf, AgreementLink, num, Row } from './report-rows';
import { ReportSql, sqlCondition, statusIn } from './report-sql';

const AGREEMENT_COLUMNS: Record<AgreementField, string> = {
  signedBySchoolOn: 'g.signed_by_school_on',
  signedByPartnerOn: 'g.signed_by_partner_on',
  startsOn: 'g.starts_on',
  endsOn: 'g.ends_on',
  terminatedOn: 'g.terminated_on',
  autoRenew: 'g.auto_renew',
};

/**
 * Agreements in force on the period's last day. SQL narrows the candidates by the domain's condition
 * (signed by both, started, not terminated by then); the decision itself is the domain's `isInForce`
 * (renewals, notice), so the report and the agreement's status never disagree. Agreements are few next to activities.
 */
export function agreementsInForce(db: ReportSql): Promise<AgreementLink[]> {
  return db.once('agreementsInForce', async () => {
    const { k, w } = db;
    const on = LocalDate.iso(w.end);
    // whether the partner has activities of the period that were not cancelled: 2 with this school
    // (a seek in the school's period range), else 1 with another school in scope (a seek in the
    // partner's; only for those few, as CASE stops at the first match), else null. Scalar subqueries,
    // not EXISTS, which PostgreSQL may answer by hashing the whole period's activities.
    const [liveSql, liveBindings] = statusIn('x.status', LIVE_ACTIVITY_STATUSES);
    const live = `x.starts_on >= ? AND x.starts_on <= ? AND ${liveSql}`;
    const liveArgs = [w.start, w.end, ...liveBindings];
    const partnerWorked = k.raw(
      `CASE WHEN (SELECT 1 FROM activity x${db.hint('activity_org_period_idx')} WHERE x.organisation_id = g.school_id AND x.partner_id = g.partner_id AND ${live} LIMIT 1) IS NOT NULL THEN 2` +
        ` WHEN (SELECT 1 FROM activity x${db.hint('activity_partner_report_idx')} WHERE x.partner_id = g.partner_id AND ${live} LIMIT 1) IS NOT NULL THEN 1 END as worked`,
      [...liveArgs, ...liveArgs],
    );
    const rows: Row[] = await db.scoped(
      k('agreement as g')
        .whereRaw(...sqlCondition(inForceCandidateCondition(on), AGREEMENT_COLUMNS))
        .select(
          'g.id as id',
          'g.school_id as org',
          'g.partner_id as partner',
          'g.kind as kind',
          'g.starts_on as startsOn',
          'g.ends_on as endsOn',
          'g.auto_renew as autoRenew',
          'g.notice_days as noticeDays',
          'g.signed_by_school_on as signedBySchoolOn',
          'g.signed_by_partner_on as signedByPartnerOn',
          'g.terminated_on as terminatedOn',
          'g.notice_given_on as noticeGivenOn',
          partnerWorked,
        ),
      'g.school_id',
    );
    const textOn = await textsInForce(db, rows, on);
    return rows
      .filter((r) => isInForce(textOn(r), on))
      .map((r) => ({
        org: String(r['org']),
        partner: String(r['partner']),
        kind: String(r['kind']),
        linked: num(r['worked']) === 2,
        // in one school's report, "any school in scope" is that school
        active: num(r['worked']) === 2 || (!w.scope && num(r['worked']) === 1),
      }));
  });
}

/** Agreements in force per school. */
export async function agreementsByOrg(db: ReportSql): Promise<Map<string, number>> {
  const by = new Map<string, number>();
  for (const a of await agreementsInForce(db)) by.set(a.org, (by.get(a.org) ?? 0) + 1);
  return by;
}

const parse = <T>(v: unknown): T | null =>
  (v === null || v === undefined ? null : typeof v === 'string' ? JSON.parse(v) : v) as T | null;
const day = (v: unknown): LocalDate | null => (v ? LocalDate.iso(String(v)) : null);

/**
 * The agreements' terms in force on `on` (issue 14, future-dated amendments): the stored text with the signed
 * amendments dated after `on` undone and those scheduled up to `on` applied (`agreementTextOn`). Only the
 * agreements that have an amendment are looked at again; amendments are few.
 */
async function textsInForce(db: ReportSql, rows: readonly Row[], on: LocalDate): Promise<(r: Row) => AgreementData> {
  const ids = rows.map((r) => String(r['id']));
  const found: Row[] = ids.length
    ? await db
        .k('agreement_amendment as m')
        .whereIn('m.agreement_id', ids)
        .whereNotNull('m.signed_by_school_on')
        .whereNotNull('m.signed_by_partner_on')
        .select(
          'm.agreement_id as agreementId',
          'm.number as number',
          'm.effective_on as effectiveOn',
          'm.changes as changes',
          'm.previous as previous',
        )
    : [];
  const by = new Map<string, AmendmentHistoryEntry[]>();
  for (const m of found) {
    const changes = parse<Record<string, unknown>>(m['changes']) ?? {};
    const previous = parse<Record<string, unknown>>(m['previous']);
    const asDomain = (c: Record<string, unknown>) =>
      ('endsOn' in c ? { ...c, endsOn: day(c['endsOn']) } : c) as AmendmentHistoryEntry['changes'];
    const list = by.get(String(m['agreementId'])) ?? [];
    list.push({
      number: num(m['number']),
      effectiveOn: LocalDate.iso(String(m['effectiveOn'])),
      changes: asDomain(changes),
      previous: previous ? asDomain(previous) : null,
      signed: true,
    });
    by.set(String(m['agreementId']), list);
  }
  return (r) => {
    const data = agreementDataOf(r);
    const amendments = by.get(String(r['id']));
    return amendments ? agreementTextOn(data, amendments, on) : data;
  };
}
