import { AgreementData, EMPLOYER_PARTNER_TYPES, HELD_ACTIVITY_STATUS, LIVE_ACTIVITY_STATUSES } from '@socium/domain';

import type { Knex } from '@mikro-orm/knex';

import { agreementsInForce } from './agreements.query';
import { agreementDataOf, num, parseJsonList, Row } from './report-rows';
import { ReportSql, statusIn } from './report-sql';

/**
 * The rows behind the G2 indicators the older report blocks do not already carry (#1 by kind, #3, #4, #7, #9, #14):
 * grouped by the database, turned into indicators by `@socium/domain` (report-indicators.ts of the API).
 */

/** Agreements in force on the period's last day per kind (#1), from the same in-force rows as the totals. */
export async function agreementsInForceByKind(db: ReportSql): Promise<{ kind: string; count: number }[]> {
  const by = new Map<string, number>();
  for (const a of await agreementsInForce(db)) by.set(a.kind, (by.get(a.kind) ?? 0) + 1);
  return [...by].map(([kind, count]) => ({ kind, count }));
}

/**
 * Agreements of the scope that may start, renew or end in the period (#4): signed by both parties by its last day,
 * started by then, not terminated before its first day. The terms themselves are the domain's.
 */
export async function agreementsForFlows(db: ReportSql): Promise<AgreementData[]> {
  const { k, w } = db;
  const rows: Row[] = await db.scoped(
    k('agreement as g')
      .whereNotNull('g.signed_by_school_on')
      .whereNotNull('g.signed_by_partner_on')
      .where('g.starts_on', '<=', w.end)
      .where((q) => q.whereNull('g.terminated_on').orWhere('g.terminated_on', '>=', w.start))
      .select(
        'g.kind as kind',
        'g.starts_on as startsOn',
        'g.ends_on as endsOn',
        'g.auto_renew as autoRenew',
        'g.notice_days as noticeDays',
        'g.signed_by_school_on as signedBySchoolOn',
        'g.signed_by_partner_on as signedByPartnerOn',
        'g.terminated_on as terminatedOn',
        'g.notice_given_on as noticeGivenOn',
      ),
    'g.school_id',
  );
  return rows.map(agreementDataOf);
}

/**
 * Schools with at least one employer partner in the period (#3), as the domain's `periodPartners` counts partners:
 * an agreement in force on the period's last day, or an activity of the period that was not cancelled.
 */
export async function schoolsWithEmployerPartner(db: ReportSql): Promise<Set<string>> {
  const { k } = db;
  const [live, liveBindings] = statusIn('a.status', LIVE_ACTIVITY_STATUSES);
  const viaActivities: Row[] = await db
    .periodActivities()
    .join('organisation as p', 'p.id', 'a.partner_id')
    .whereIn('p.partner_type', [...EMPLOYER_PARTNER_TYPES])
    .whereRaw(live, liveBindings)
    .distinct('a.organisation_id as org');
  const schools = new Set(viaActivities.map((r) => String(r['org'])));
  const agreements = (await agreementsInForce(db)).filter((a) => !schools.has(a.org));
  const partners = [...new Set(agreements.map((a) => a.partner))];
  const employers = new Set<string>();
  for (let i = 0; i < partners.length; i += 500) {
    const rows: Row[] = await k('organisation')
      .whereIn('id', partners.slice(i, i + 500))
      .whereIn('partner_type', [...EMPLOYER_PARTNER_TYPES])
      .select('id');
    for (const r of rows) employers.add(String(r['id']));
  }
  for (const a of agreements) if (employers.has(a.partner)) schools.add(a.org);
  return schools;
}

/** Held activities of the period grouped by (school, form, target grades): count and actual participants (#7, #9). */
export interface HeldGroupRow {
  org: string;
  form: string;
  targetGrades: number[];
  count: number;
  participants: number;
}

export async function heldGroups(db: ReportSql): Promise<HeldGroupRow[]> {
  const { k } = db;
  const grades = k.raw('CAST(a.target_grades AS TEXT)');
  const rows: Row[] = await db
    .periodActivities()
    .where('a.status', HELD_ACTIVITY_STATUS)
    .select(
      'a.organisation_id as org',
      'a.form as form',
      k.raw('CAST(a.target_grades AS TEXT) as grades'),
      k.raw('COUNT(*) as n'),
      k.raw('SUM(COALESCE(a.actual_participants, 0)) as participants'),
    )
    .groupBy('a.organisation_id', 'a.form', grades);
  return rows.map((r) => ({
    org: String(r['org']),
    form: String(r['form']),
    targetGrades: parseJsonList<number>(r['grades']).map(Number),
    count: num(r['n']),
    participants: num(r['participants']),
  }));
}

/** A school's enrolment row of the report's academic year (#7, #11). */
export interface EnrolmentRow {
  org: string;
  pupilsByGrade: Record<string, number>;
  aged14: number;
  aged15: number;
  aged16to17: number;
}

export async function enrolments(db: ReportSql): Promise<EnrolmentRow[]> {
  const rows: Row[] = await db.scoped(
    db
      .k('enrolment as e')
      .where('e.academic_year', db.w.academicYear)
      .select(
        'e.organisation_id as org',
        db.k.raw('CAST(e.pupils_by_grade AS TEXT) as grades'),
        'e.aged14 as aged14',
        'e.aged15 as aged15',
        'e.aged16to17 as aged16to17',
      ),
    'e.organisation_id',
  );
  return rows.map((r) => ({
    org: String(r['org']),
    pupilsByGrade: parsePupils(r['grades']),
    aged14: num(r['aged14']),
    aged15: num(r['aged15']),
    aged16to17: num(r['aged16to17']),
  }));
}

function parsePupils(text: unknown): Record<string, number> {
  try {
    const v: unknown = typeof text === 'string' ? JSON.parse(text) : text;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([g, n]) => [g, num(n)]));
  } catch {
    return {};
  }
}

/** Public items of the period (#14) grouped by the day of their event and the hour (UTC) they reached the website. */
export interface WebsiteItemRow {
  eventOn: string;
  /** `YYYY-MM-DDTHH` (UTC hour of a timestamp) or `YYYY-MM-DD` */
  publishedAt: string;
  count: number;
}

/**
 * Public items of the period (#14): held public activities with a result, scheduled in the period as every other
 * activity figure counts them (the event day is the day held; the result reaches the public page when the outcome
 * is recorded: the first `outcome:held` audit entry, else the activity's last change); for the district, also the
 * public documents issued in the period (on the website from the moment they were entered). Grouped by (event day,
 * hour published) in SQL, so no per-item rows leave the database; the hour becomes a local day in the API.
 */
export async function websiteItems(db: ReportSql): Promise<WebsiteItemRow[]> {
  const { k, w } = db;
  // a seek per item in the audit log's (object_type, object_id) index, not a scan of every outcome ever recorded
  const recorded =
    '(SELECT MIN(u.at) FROM audit_entry u WHERE u.object_type = ? AND u.object_id = a.id AND u.action = ?)';
  const items = db
    .periodActivities()
    .where('a.status', HELD_ACTIVITY_STATUS)
    .whereNotNull('a.result')
    .whereNotNull('a.held_on')
    .whereRaw('??', ['a.is_public'])
    .select(
      'a.held_on as eventOn',
      k.raw(`COALESCE(${recorded}, a.updated_at) as ??`, [
        'activity',
        `outcome:${HELD_ACTIVITY_STATUS}`,
        'publishedAt',
      ]),
    );
  const grouped = (from: Knex.QueryBuilder): Promise<Row[]> =>
    k
      .from(from.as('q'))
      .select('q.eventOn as eventOn', k.raw('SUBSTR(??, 1, 13) as hour', ['q.publishedAt']), k.raw('COUNT(*) as n'))
      .groupBy('q.eventOn', k.raw('SUBSTR(??, 1, 13)', ['q.publishedAt']));
  const parts = [items];
  if (!w.scope)
    parts.push(
      db
        .inPeriod(k('document as d'), 'd.issued_on')
        .whereRaw('??', ['d.is_public'])
        .select('d.issued_on as eventOn', 'd.created_at as publishedAt'),
    );
  const rows = (await Promise.all(parts.map(grouped))).flat();
  return rows.map((r) => ({ eventOn: String(r['eventOn']), publishedAt: String(r['hour']), count: num(r['n']) }));
}
