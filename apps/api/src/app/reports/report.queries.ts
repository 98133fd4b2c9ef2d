import type { Knex } from '@mikro-orm/knex';

import { isPostgres } from '@socium/api-persistence';
import { AgreementKind, LocalDate, isInForce } from '@socium/domain';

/**
 * The SQL side of the department report: every figure is aggregated by the database (GROUP BY), the
 * same on SQLite and PostgreSQL (dates are ISO text, JSON columns are cast to text, booleans are only
 * tested, never bound). Results are grouped rows; the indicator formulas live in `@socium/domain`.
 */
export interface ReportWindow {
  /** first day of the period, inclusive (`YYYY-MM-DD`) */
  start: string;
  /** last day of the period, inclusive */
  end: string;
  /** one organisation, or null for the whole district */
  scope: string | null;
  /** today, for overdue documents */
  today: string;
  /** the academic year whose labour-market needs are matched (`2019-2020`) */
  academicYear: string;
}

export interface ActivityGroupRow {
  org: string;
  status: 'planned' | 'held' | 'cancelled' | 'postponed';
  directionId: string;
  directionCode: string;
  directionName: string;
  form: string;
  partnerType: string | null;
  hasPartner: boolean;
  count: number;
  participants: number;
  hours: number;
}

export interface ActivityListRow {
  startsOn: string;
  school: string;
  title: string;
  directionCode: string;
  form: string;
  partner: string | null;
  status: string;
  plannedParticipants: number;
  actualParticipants: number | null;
  hours: number;
  targetGrades: number[];
}

const STATUSES: ActivityGroupRow['status'][] = [
  'planned',
  'held',
  'cancelled',
  'postponed',
];
/** Participants count for held activities only (planned ones have none yet). */
/** 1 when the activity (or the grouped row's `column`) has a partner, else 0. */
const hasPartner = (column = 'a.partner_id'): string =>
  `CASE WHEN ${column} IS NULL THEN 0 ELSE 1 END`;
const HELD_PARTICIPANTS =
  "CASE WHEN a.status = 'held' THEN COALESCE(a.actual_participants, 0) ELSE 0 END";

/** Count and hours of one status as two columns (`n_<status>`, `h_<status>`) of a per-key row. */
const statusSums = (k: Knex, status: string): Knex.Raw[] => [
  k.raw('SUM(CASE WHEN a.status = ? THEN 1 ELSE 0 END) as ??', [
    status,
    `n_${status}`,
  ]),
  k.raw('SUM(CASE WHEN a.status = ? THEN a.hours ELSE 0 END) as ??', [
    status,
    `h_${status}`,
  ]),
];

/** Count, participants of the held ones and hours of a group of activities (`n`, `participants`, `hours`). */
const groupSums = (k: Knex): Knex.Raw[] => [
  k.raw('COUNT(*) as n'),
  k.raw(`SUM(${HELD_PARTICIPANTS}) as participants`),
  k.raw('SUM(a.hours) as hours'),
];

const num = (v: unknown): number =>
  v === null || v === undefined ? 0 : Number(v);
const parseJsonList = <T>(text: unknown): T[] => {
  if (Array.isArray(text)) return text as T[];
  try {
    const v = JSON.parse(String(text ?? '[]'));
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
};

export class ReportQueries {
  constructor(
    private readonly k: Knex,
    private readonly w: ReportWindow,
  ) {}

  private scoped(qb: Knex.QueryBuilder, column: string): Knex.QueryBuilder {
    return this.w.scope ? qb.where(column, this.w.scope) : qb;
  }

  private inPeriod(qb: Knex.QueryBuilder, column: string): Knex.QueryBuilder {
    return qb
      .where(column, '>=', this.w.start)
      .andWhere(column, '<=', this.w.end);
  }

  /** Agreements in force on the period's last day: signed by both by then, started, not ended (auto-renewal without notice keeps it), not terminated. */
  /**
   * Agreements in force on the period's last day. SQL narrows the candidates (signed by both, started,
   * not terminated by then); the decision itself is the domain's `isInForce` (renewals, notice), so the
   * report and the agreement's status never disagree. Agreements are few next to activities.
   */
  private inForce?: Promise<
    { org: string; partner: string; partnerType: string | null }[]
  >;
  agreementsInForce(): Promise<
    { org: string; partner: string; partnerType: string | null }[]
  > {
    return (this.inForce ??= (async () => {
      const end = this.w.end;
      const rows: Record<string, unknown>[] = await this.scoped(
        this.k('agreement as g')
          .leftJoin('organisation as p', 'p.id', 'g.partner_id')
          .whereNotNull('g.signed_by_school_on')
          .whereNotNull('g.signed_by_partner_on')
          .where('g.starts_on', '<=', end)
          .where((q) =>
            q.whereNull('g.terminated_on').orWhere('g.terminated_on', '>', end),
          )
          .select(
            'g.school_id as org',
            'g.partner_id as partner',
            'p.partner_type as partnerType',
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
      const on = LocalDate.iso(end);
      const date = (v: unknown) => (v ? LocalDate.iso(String(v)) : null);
      return rows
        .filter((r) =>
          isInForce(
            {
              kind: r['kind'] as AgreementKind,
              number: '',
              subject: '',
              goal: '',
              directionIds: [],
              obligations: [],
              startsOn: LocalDate.iso(String(r['startsOn'])),
              endsOn: date(r['endsOn']),
              autoRenew:
                r['autoRenew'] === true || Number(r['autoRenew']) === 1,
              noticeDays: num(r['noticeDays']),
              signatures: {
                school: date(r['signedBySchoolOn']),
                partner: date(r['signedByPartnerOn']),
              },
              terminatedOn: date(r['terminatedOn']),
              noticeGivenOn: date(r['noticeGivenOn']),
            },
            on,
          ),
        )
        .map((r) => ({
          org: String(r['org']),
          partner: String(r['partner']),
          partnerType: (r['partnerType'] as string | null) ?? null,
        }));
    })());
  }

  /** Activities scheduled in the period (by `startsOn`), in scope. */
  private periodActivities(): Knex.QueryBuilder {
    return this.scoped(
      this.inPeriod(this.k('activity as a'), 'a.starts_on'),
      'a.organisation_id',
    );
  }

  /**
   * District-wide on SQLite, the partner aggregates read activities in partner order from
   * `activity_partner_report_idx` (migration 0003) and group them as they come, instead of sorting the
   * period's rows or looking a partner up per activity. The whole index is read (the period is a filter
   * there), so for one school, or on PostgreSQL (which hashes), the period range is read instead.
   */
  private inPartnerOrder(): boolean {
    return !this.w.scope && !isPostgres(this.k);
  }

  private activityInPartnerOrder(): Knex.QueryBuilder {
    return this.indexed('activity', 'a', 'activity_partner_report_idx');
  }

  /**
   * `table as alias`, read through one of the report indexes of migration 0003 on SQLite (its planner
   * would otherwise weigh a look-up index against them on its sampled statistics); PostgreSQL picks its own.
   */
  private indexed(
    table: string,
    alias: string,
    index: string,
  ): Knex.QueryBuilder {
    return isPostgres(this.k)
      ? this.k(`${table} as ${alias}`)
      : this.k.from(
          this.k.raw('?? as ?? indexed by ??', [table, alias, index]),
        );
  }

  /** Document recipients with the covering index of migration 0003 on SQLite (school first). */
  private recipients(): Knex.QueryBuilder {
    return this.indexed(
      'document_recipient',
      'r',
      'document_recipient_report_idx',
    );
  }

  /** The period's placements, from the covering index of migration 0003 on SQLite. */
  private placements(): Knex.QueryBuilder {
    return this.scoped(
      this.inPeriod(
        this.indexed('placement', 'p', 'placement_period_report_idx'),
        'p.starts_on',
      ),
      'p.school_id',
    );
  }

  async agreementsByOrg(): Promise<Map<string, number>> {
    const by = new Map<string, number>();
    for (const a of await this.agreementsInForce())
      by.set(a.org, (by.get(a.org) ?? 0) + 1);
    return by;
  }

  /**
   * The distinct (org, partner) links: partners of the agreements in force + partners of the period's
   * activities (not cancelled), summed up once per report as partners per school, partners per type and
   * distinct partners. SQL returns one row per link (already distinct); the union with the agreements,
   * whose in-force decision is the domain's, is one pass over those rows.
   */
  private links?: Promise<{
    byOrg: Map<string, number>;
    byType: Map<string | null, number>;
    distinct: number;
  }>;
  private partnerLinks(): Promise<{
    byOrg: Map<string, number>;
    byType: Map<string | null, number>;
    distinct: number;
  }> {
    return (this.links ??= (async () => {
      // the partner's type comes from one look-up per distinct link, after the grouping
      const links = (q: Knex.QueryBuilder) =>
        this.k
          .from(q.as('l'))
          .leftJoin('organisation as p', 'p.id', 'l.partner')
          .select(
            'l.org as org',
            'l.partner as partner',
            'p.partner_type as partnerType',
          );
      const [agreements, fromActivities] = await Promise.all([
        this.agreementsInForce(),
        links(
          this.inPartnerOrder()
            ? this.inPeriod(this.activityInPartnerOrder(), 'a.starts_on')
                .whereNotNull('a.partner_id')
                .whereNot('a.status', 'cancelled')
                .select('a.organisation_id as org', 'a.partner_id as partner')
                .groupBy('a.partner_id', 'a.organisation_id')
            : this.periodActivities()
                .whereNotNull('a.partner_id')
                .whereNot('a.status', 'cancelled')
                .distinct(
                  'a.organisation_id as org',
                  'a.partner_id as partner',
                ),
        ) as Promise<Record<string, unknown>[]>,
      ]);
      const partnersOf = new Map<string, Set<string>>();
      const typeOf = new Map<string, string | null>();
      const add = (org: string, partner: string, type: string | null) => {
        let mine = partnersOf.get(org);
        if (!mine) partnersOf.set(org, (mine = new Set()));
        mine.add(partner);
        typeOf.set(partner, type);
      };
      for (const g of agreements) add(g.org, g.partner, g.partnerType);
      for (const r of fromActivities)
        add(
          String(r['org']),
          String(r['partner']),
          (r['partnerType'] as string | null) ?? null,
        );
      const byOrg = new Map<string, number>();
      for (const [org, partners] of partnersOf) byOrg.set(org, partners.size);
      const byType = new Map<string | null, number>();
      for (const t of typeOf.values()) byType.set(t, (byType.get(t) ?? 0) + 1);
      return { byOrg, byType, distinct: typeOf.size };
    })());
  }

  async partnersByOrg(): Promise<Map<string, number>> {
    return (await this.partnerLinks()).byOrg;
  }

  /** Distinct partners across the scope with their type: (partnerType, count) rows. */
  async partnersByType(): Promise<
    { partnerType: string | null; count: number }[]
  > {
    return [...(await this.partnerLinks()).byType].map(
      ([partnerType, count]) => ({ partnerType, count }),
    );
  }

  async distinctPartners(): Promise<number> {
    return (await this.partnerLinks()).distinct;
  }

  /** The directions by id (a handful of rows), read once per report. */
  private dirs?: Promise<Map<string, { code: string; name: string }>>;
  private directions(): Promise<Map<string, { code: string; name: string }>> {
    return (this.dirs ??= (async () => {
      const rows: Record<string, unknown>[] = await this.k('direction').select(
        'id',
        'code',
        'name',
      );
      return new Map(
        rows.map((d) => [
          String(d['id']),
          { code: String(d['code']), name: String(d['name']) },
        ]),
      );
    })());
  }

  /**
   * Per organisation: activities of the period by status (count, hours, participants of the held ones).
   * PostgreSQL hashes the (school, status) groups as it reads. SQLite can only group by sorting, so there
   * it is one row per school with a column per status, grouped by `organisation_id` alone: the planner
   * reads the per-school index in order and aggregates as it goes (no sort of the period's rows).
   * Conditional sums cost PostgreSQL more than its hash, hence the two forms of the same aggregate.
   * Career-guidance hours per school come from `careerHoursByGrades`, the same rows as the per-grade table.
   */
  async activityGroupsByOrg(): Promise<ActivityGroupRow[]> {
    const k = this.k;
    const row = (
      org: unknown,
      status: ActivityGroupRow['status'],
      n: unknown,
      participants: unknown,
      hours: unknown,
    ): ActivityGroupRow => ({
      org: String(org),
      status,
      directionId: '',
      directionCode: '',
      directionName: '',
      form: '',
      partnerType: null,
      hasPartner: false,
      count: num(n),
      participants: num(participants),
      hours: num(hours),
    });
    if (isPostgres(k)) {
      const grouped: Record<string, unknown>[] = await this.periodActivities()
        .select(
          'a.organisation_id as org',
          'a.status as status',
          ...groupSums(k),
        )
        .groupBy('a.organisation_id', 'a.status');
      return grouped.map((r) =>
        row(
          r['org'],
          r['status'] as ActivityGroupRow['status'],
          r['n'],
          r['participants'],
          r['hours'],
        ),
      );
    }
    const rows: Record<string, unknown>[] = await this.periodActivities()
      .select(
        'a.organisation_id as org',
        ...STATUSES.flatMap((st) => statusSums(k, st)),
        k.raw(`SUM(${HELD_PARTICIPANTS}) as participants`),
      )
      .groupBy('a.organisation_id');
    return rows.flatMap((r) =>
      STATUSES.filter((st) => num(r[`n_${st}`]) > 0).map((st) =>
        row(
          r['org'],
          st,
          r[`n_${st}`],
          st === 'held' ? r['participants'] : 0,
          r[`h_${st}`],
        ),
      ),
    );
  }

  /**
   * The district breakdowns: activities of the period by status × direction × form (`byDirectionAndForm`)
   * and by status × partner type (`byPartnerType`); each breakdown rolls its own rows up by its key.
   * For one school (a few hundred rows) it is one cross-product GROUP BY that answers both. District-wide
   * it is two: the cross product's estimated group count (five keys, one an expression) makes
   * PostgreSQL sort a million rows on disk instead of hashing, and SQLite would sort them and look a
   * partner up for each. PostgreSQL hashes each of the two narrow GROUP BYs; SQLite streams them: per
   * day × status × direction × form in the order of `activity_period_report_idx` (at most 366 × 4 ×
   * directions × forms groups, whatever the data), and per partner in the order of
   * `activity_partner_report_idx`, with one look-up of the type per partner.
   */
  async breakdownGroups(): Promise<{
    byDirectionAndForm: ActivityGroupRow[];
    byPartnerType: ActivityGroupRow[];
  }> {
    if (this.w.scope) {
      const rows = await this.crossProductGroups();
      return { byDirectionAndForm: rows, byPartnerType: rows };
    }
    const [byDirectionAndForm, byPartnerType] = await Promise.all([
      this.directionAndFormGroups(),
      this.partnerTypeGroups(),
    ]);
    return { byDirectionAndForm, byPartnerType };
  }

  /** A grouped row as the breakdowns see it; `dir` names the direction when the row has one. */
  private groupRow(
    dir: Map<string, { code: string; name: string }>,
    r: Record<string, unknown>,
    status: ActivityGroupRow['status'],
    n: unknown,
    participants: unknown,
    hours: unknown,
  ): ActivityGroupRow {
    const directionId =
      r['directionId'] === undefined ? '' : String(r['directionId']);
    return {
      org: '',
      status,
      directionId,
      directionCode: directionId ? (dir.get(directionId)?.code ?? 'other') : '',
      directionName: directionId ? (dir.get(directionId)?.name ?? '') : '',
      form: r['form'] === undefined ? '' : String(r['form']),
      partnerType: (r['partnerType'] as string | null | undefined) ?? null,
      hasPartner: num(r['has_partner']) === 1,
      count: num(n),
      participants: num(participants),
      hours: num(hours),
    };
  }

  /** Rows with `status`, `n`, `participants` and `hours` columns as group rows. */
  private async groupRows(
    rows: Record<string, unknown>[],
  ): Promise<ActivityGroupRow[]> {
    const dir = await this.directions();
    return rows.map((r) =>
      this.groupRow(
        dir,
        r,
        r['status'] as ActivityGroupRow['status'],
        r['n'],
        r['participants'],
        r['hours'],
      ),
    );
  }

  private async crossProductGroups(): Promise<ActivityGroupRow[]> {
    const k = this.k;
    const rows: Record<string, unknown>[] = await this.periodActivities()
      .leftJoin('organisation as p', 'p.id', 'a.partner_id')
      .select(
        'a.status as status',
        'a.direction_id as directionId',
        'a.form as form',
        'p.partner_type as partnerType',
        k.raw(`${hasPartner()} as has_partner`),
        ...groupSums(k),
      )
      .groupBy(
        'a.status',
        'a.direction_id',
        'a.form',
        'p.partner_type',
        k.raw(hasPartner()),
      );
    return this.groupRows(rows);
  }

  /**
   * District-wide by status × direction × form: PostgreSQL hashes the groups; SQLite groups per day first
   * (the order of `activity_period_report_idx`, no sort) and then rolls the bounded day groups up.
   */
  private async directionAndFormGroups(): Promise<ActivityGroupRow[]> {
    const k = this.k;
    const keys = ['a.status', 'a.direction_id', 'a.form'];
    const grouped = this.periodActivities()
      .select(
        'a.status as status',
        'a.direction_id as directionId',
        'a.form as form',
        ...groupSums(k),
      )
      .groupBy(isPostgres(k) ? keys : ['a.starts_on', ...keys]);
    if (isPostgres(k)) return this.groupRows(await grouped);
    const rows: Record<string, unknown>[] = await k
      .from(grouped.as('q'))
      .select(
        'q.status as status',
        'q.directionId as directionId',
        'q.form as form',
        k.raw('SUM(q.n) as n'),
        k.raw('SUM(q.participants) as participants'),
        k.raw('SUM(q.hours) as hours'),
      )
      .groupBy('q.status', 'q.directionId', 'q.form');
    return this.groupRows(rows);
  }

  /**
   * District-wide by status × partner type: PostgreSQL hashes the joined groups; SQLite groups per partner
   * in index order with a column per status, then looks each partner's type up once and rolls up per type.
   */
  private async partnerTypeGroups(): Promise<ActivityGroupRow[]> {
    const k = this.k;
    if (isPostgres(k))
      return this.groupRows(
        await this.periodActivities()
          .leftJoin('organisation as p', 'p.id', 'a.partner_id')
          .select(
            'a.status as status',
            'p.partner_type as partnerType',
            k.raw(`${hasPartner()} as has_partner`),
            ...groupSums(k),
          )
          .groupBy('a.status', 'p.partner_type', k.raw(hasPartner())),
      );
    const perPartner = this.inPeriod(
      this.activityInPartnerOrder(),
      'a.starts_on',
    )
      .select(
        'a.partner_id as partner',
        ...STATUSES.flatMap((st) => statusSums(k, st)),
        k.raw(`SUM(${HELD_PARTICIPANTS}) as participants`),
      )
      .groupBy('a.partner_id');
    const rows: Record<string, unknown>[] = await k
      .from(perPartner.as('q'))
      .leftJoin('organisation as p', 'p.id', 'q.partner')
      .select(
        'p.partner_type as partnerType',
        k.raw(`${hasPartner('q.partner')} as has_partner`),
        ...STATUSES.flatMap((st) => [
          k.raw('SUM(??) as ??', [`q.n_${st}`, `n_${st}`]),
          k.raw('SUM(??) as ??', [`q.h_${st}`, `h_${st}`]),
        ]),
        k.raw('SUM(q.participants) as participants'),
      )
      .groupBy('p.partner_type', k.raw(hasPartner('q.partner')));
    const dir = await this.directions();
    return rows.flatMap((r) =>
      STATUSES.filter((st) => num(r[`n_${st}`]) > 0).map((st) =>
        this.groupRow(
          dir,
          r,
          st,
          r[`n_${st}`],
          st === 'held' ? r['participants'] : 0,
          r[`h_${st}`],
        ),
      ),
    );
  }

  /** Held career-guidance hours grouped by (org, target grades): the domain sums them per grade. */
  async careerHoursByGrades(): Promise<
    { org: string; targetGrades: number[]; hours: number; count: number }[]
  > {
    const k = this.k;
    const grades = k.raw('CAST(a.target_grades AS TEXT)');
    // one seek to (career guidance, held) in the direction index on SQLite, then the period within it
    const rows = await this.scoped(
      this.inPeriod(
        this.indexed('activity', 'a', 'activity_direction_report_idx'),
        'a.starts_on',
      ),
      'a.organisation_id',
    )
      .join('direction as d', 'd.id', 'a.direction_id')
      .where('d.code', 'career_guidance')
      .where('a.status', 'held')
      .select(
        'a.organisation_id as org',
        k.raw('CAST(a.target_grades AS TEXT) as grades'),
        k.raw('SUM(a.hours) as hours'),
        k.raw('COUNT(*) as n'),
      )
      .groupBy('a.organisation_id', grades);
    return rows.map((r: Record<string, unknown>) => ({
      org: String(r['org']),
      targetGrades: parseJsonList<number>(r['grades']).map(Number),
      hours: num(r['hours']),
      count: num(r['n']),
    }));
  }

  /** Distinct profession tags of the period's activities that were not cancelled. */
  async coveredProfessions(): Promise<string[]> {
    const rows = await this.periodActivities()
      .whereNot('a.status', 'cancelled')
      .distinct(this.k.raw('CAST(a.professions AS TEXT) as professions'));
    return [
      ...new Set(
        rows.flatMap((r: Record<string, unknown>) =>
          parseJsonList<string>(r['professions']),
        ),
      ),
    ];
  }

  /** Labour-market needs of the academic year, summed per profession. */
  async labourNeeds(): Promise<{ profession: string; demand: number }[]> {
    const rows = await this.k('labour_need as n')
      .where('n.academic_year', this.w.academicYear)
      .select('n.profession as profession')
      .sum('n.demand as demand')
      .groupBy('n.profession');
    return rows.map((r: Record<string, unknown>) => ({
      profession: String(r['profession']),
      demand: num(r['demand']),
    }));
  }

  async placementsByOrg(): Promise<
    Map<string, { placements: number; withFindings: number }>
  > {
    const k = this.k;
    const rows = await this.placements()
      .select(
        'p.school_id as org',
        k.raw('COUNT(*) as n'),
        k.raw('SUM(CASE WHEN p.findings_count > 0 THEN 1 ELSE 0 END) as f'),
      )
      .groupBy('p.school_id');
    return new Map(
      rows.map((r: Record<string, unknown>) => [
        String(r['org']),
        { placements: num(r['n']), withFindings: num(r['f']) },
      ]),
    );
  }

  /** Distinct students placed in the period per (channel, age in full years on the placement's start). */
  async employedByChannelAndAge(): Promise<{
    rows: { channel: string; age: number; count: number }[];
    distinct: number;
  }> {
    const k = this.k;
    const age =
      'CAST(SUBSTR(p.starts_on, 1, 4) AS INTEGER) - CAST(SUBSTR(p.student_birth_date, 1, 4) AS INTEGER)' +
      ' - CASE WHEN SUBSTR(p.starts_on, 6, 5) < SUBSTR(p.student_birth_date, 6, 5) THEN 1 ELSE 0 END';
    const base = () => this.placements();
    const rows = await base()
      .select(
        'p.channel as channel',
        k.raw(`${age} as age`),
        k.raw('COUNT(DISTINCT p.student_code) as n'),
      )
      .groupBy('p.channel', k.raw(age));
    const [total] = await base()
      .whereRaw(`${age} BETWEEN 14 AND 17`)
      .select(k.raw('COUNT(DISTINCT p.student_code) as n'));
    return {
      rows: rows.map((r: Record<string, unknown>) => ({
        channel: String(r['channel']),
        age: num(r['age']),
        count: num(r['n']),
      })),
      distinct: num((total as Record<string, unknown> | undefined)?.['n']),
    };
  }

  /** Recipients of the documents issued in the period, per recipient organisation. */
  async documentsByOrg(): Promise<
    Map<
      string,
      {
        recipients: number;
        acknowledged: number;
        overdue: number;
        onTime: number;
      }
    >
  > {
    const k = this.k;
    const qb = this.scoped(
      this.inPeriod(
        this.recipients().join('document as d', 'd.id', 'r.document_id'),
        'd.issued_on',
      ),
      'r.organisation_id',
    );
    const rows = await qb
      .select(
        'r.organisation_id as org',
        k.raw('COUNT(*) as n'),
        k.raw(
          `SUM(CASE WHEN r.state IN ('acknowledged', 'responded', 'closed') THEN 1 ELSE 0 END) as ack`,
        ),
        k.raw(
          `SUM(CASE WHEN r.state IN ('sent', 'received') AND d.due_on IS NOT NULL AND d.due_on < ? THEN 1 ELSE 0 END) as overdue`,
          [this.w.today],
        ),
        k.raw(
          'SUM(CASE WHEN r.acknowledged_on IS NOT NULL AND (d.due_on IS NULL OR r.acknowledged_on <= d.due_on) THEN 1 ELSE 0 END) as on_time',
        ),
      )
      .groupBy('r.organisation_id');
    return new Map(
      rows.map((r: Record<string, unknown>) => [
        String(r['org']),
        {
          recipients: num(r['n']),
          acknowledged: num(r['ack']),
          overdue: num(r['overdue']),
          onTime: num(r['on_time']),
        },
      ]),
    );
  }

  /** (sentOn, acknowledgedOn, count) of acknowledged recipients, for the median time to acknowledge. */
  async acknowledgementPairs(): Promise<
    { sentOn: string; acknowledgedOn: string; count: number }[]
  > {
    const qb = this.scoped(
      this.inPeriod(
        this.recipients().join('document as d', 'd.id', 'r.document_id'),
        'd.issued_on',
      ),
      'r.organisation_id',
    );
    const rows = await qb
      .whereNotNull('r.acknowledged_on')
      .select('r.sent_on as sentOn', 'r.acknowledged_on as acknowledgedOn')
      .count('* as n')
      .groupBy('r.sent_on', 'r.acknowledged_on');
    return rows.map((r: Record<string, unknown>) => ({
      sentOn: String(r['sentOn']),
      acknowledgedOn: String(r['acknowledgedOn']),
      count: num(r['n']),
    }));
  }

  /** The period's activities, one row each (the "activities" sheet). */
  /** The activity list in chunks (keyset pagination on date and id), so a large export never holds every row at once. */
  async *activityChunks(
    size = 5000,
    limit = 100_000,
  ): AsyncGenerator<ActivityListRow[]> {
    let after: { startsOn: string; id: string } | null = null;
    for (let sent = 0; sent < limit; ) {
      const qb = this.activityListQuery()
        .select('a.id as id')
        .orderBy([{ column: 'a.starts_on' }, { column: 'a.id' }])
        .limit(Math.min(size, limit - sent));
      const cursor = after;
      if (cursor)
        qb.where((w) =>
          w
            .where('a.starts_on', '>', cursor.startsOn)
            .orWhere((x) =>
              x
                .where('a.starts_on', cursor.startsOn)
                .andWhere('a.id', '>', cursor.id),
            ),
        );
      const rows: Record<string, unknown>[] = await qb;
      if (!rows.length) return;
      sent += rows.length;
      const last = rows[rows.length - 1] as Record<string, unknown>;
      after = { startsOn: String(last['startsOn']), id: String(last['id']) };
      yield rows.map(toActivityListRow);
      if (rows.length < size) return;
    }
  }

  async activityList(limit = 100_000): Promise<ActivityListRow[]> {
    const rows = await this.activityListQuery()
      .orderBy([
        { column: 'a.starts_on' },
        { column: 'o.short_name' },
        { column: 'a.id' },
      ])
      .limit(limit);
    return rows.map(toActivityListRow);
  }

  /**
   * The period's activities in date order: a range of the period index (of the school's index for one
   * school). Forced on SQLite: with the direction index of migration 0003 its planner may otherwise start
   * from the few directions and read every activity of each, which at country size is minutes.
   */
  private activityListQuery(): Knex.QueryBuilder {
    const index = this.w.scope
      ? 'activity_org_period_idx'
      : 'activity_period_report_idx';
    return this.scoped(
      this.inPeriod(this.indexed('activity', 'a', index), 'a.starts_on'),
      'a.organisation_id',
    )
      .join('direction as d', 'd.id', 'a.direction_id')
      .join('organisation as o', 'o.id', 'a.organisation_id')
      .leftJoin('organisation as p', 'p.id', 'a.partner_id')
      .select(
        'a.starts_on as startsOn',
        'o.short_name as school',
        'a.title as title',
        'd.code as directionCode',
        'a.form as form',
        'p.short_name as partner',
        'a.status as status',
        'a.planned_participants as plannedParticipants',
        'a.actual_participants as actualParticipants',
        'a.hours as hours',
        this.k.raw('CAST(a.target_grades AS TEXT) as grades'),
      );
  }

  /** The organisations the rows are about: every school of the district, or the one in scope. */
  async organisations(): Promise<
    {
      id: string;
      name: string;
      shortName: string;
      kind: string;
      profminimumLevel: string | null;
    }[]
  > {
    const qb = this.k('organisation as o')
      .select(
        'o.id',
        'o.name',
        'o.short_name as shortName',
        'o.kind',
        'o.profminimum_level as profminimumLevel',
      )
      .orderBy([{ column: 'o.short_name' }, { column: 'o.id' }]);
    return this.w.scope
      ? qb.where('o.id', this.w.scope)
      : qb.where('o.kind', 'school');
  }

  async departmentName(): Promise<string | null> {
    const row = await this.k('organisation as o')
      .where('o.kind', 'department')
      .select('o.name')
      .orderBy('o.created_at')
      .first();
    return (row as { name?: string } | undefined)?.name ?? null;
  }
}

/** A fetched activity-list row, typed. */
function toActivityListRow(r: Record<string, unknown>): ActivityListRow {
  return {
    startsOn: String(r['startsOn']),
    school: String(r['school']),
    title: String(r['title']),
    directionCode: String(r['directionCode']),
    form: String(r['form']),
    partner: (r['partner'] as string | null) ?? null,
    status: String(r['status']),
    plannedParticipants: num(r['plannedParticipants']),
    actualParticipants:
      r['actualParticipants'] === null || r['actualParticipants'] === undefined
        ? null
        : num(r['actualParticipants']),
    hours: num(r['hours']),
    targetGrades: parseJsonList<number>(r['grades']).map(Number),
  };
}
