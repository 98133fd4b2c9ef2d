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

/** An agreement in force on the period's last day, and whether its partner worked with the school in the period. */
export interface AgreementLink {
  org: string;
  partner: string;
  /** the partner has activities of the period with this school that were not cancelled */
  linked: boolean;
  /** … with any school in scope */
  active: boolean;
}

/** Per school: activities by status, and the distinct partners of those not cancelled. */
interface SchoolActivity {
  groups: ActivityGroupRow[];
  activityPartners: Map<string, number>;
}

/** District-wide: activities with a partner by type × status, and the active partners per type. */
interface PartnerSide {
  groups: ActivityGroupRow[];
  active: Map<string | null, number>;
}

/** Partners (agreements in force ∪ activities not cancelled) per school, per type and in all. */
interface PartnerLinks {
  byOrg: Map<string, number>;
  byType: Map<string | null, number>;
  distinct: number;
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

/** The most activities a file lists (XLSX sheet, CSV table); a file that stops there says so in its last row. */
export const ACTIVITY_LIST_LIMIT = 100_000;

const STATUSES: ActivityGroupRow['status'][] = [
  'planned',
  'held',
  'cancelled',
  'postponed',
];
/** 1 when the activity (or the grouped row's `column`) has a partner, else 0. */
const hasPartner = (column = 'a.partner_id'): string =>
  `CASE WHEN ${column} IS NULL THEN 0 ELSE 1 END`;
/** Participants count for held activities only (planned ones have none yet). */
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

/** `CROSS JOIN LATERAL (subquery [UNION ALL subquery…]) AS alias`, as `joinRaw` arguments (PostgreSQL). */
const lateral = (
  parts: Knex.QueryBuilder[],
  alias: string,
): [string, Knex.Value[]] => {
  const qs = parts.map((qb) => qb.toSQL());
  return [
    `CROSS JOIN LATERAL (${qs.map((q) => `(${q.sql})`).join(' UNION ALL ')}) as ${alias}`,
    qs.flatMap((q) => [...q.bindings]),
  ];
};

/** Activities of one status (of one school, or none), as a grouped row without direction, form or partner. */
const groupOf = (
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
/**
 * A row with a count and hours column per status (`n_<status>`, `h_<status>`) and the held ones'
 * `participants`, as one grouped row per status that occurs.
 */
const statusRows = (
  r: Record<string, unknown>,
  row: (
    status: ActivityGroupRow['status'],
    n: unknown,
    participants: unknown,
    hours: unknown,
  ) => ActivityGroupRow,
): ActivityGroupRow[] =>
  STATUSES.filter((st) => num(r[`n_${st}`]) > 0).map((st) =>
    row(st, r[`n_${st}`], st === 'held' ? r['participants'] : 0, r[`h_${st}`]),
  );

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

  /**
   * Agreements in force on the period's last day. SQL narrows the candidates (signed by both, started,
   * not terminated by then); the decision itself is the domain's `isInForce` (renewals, notice), so the
   * report and the agreement's status never disagree. Agreements are few next to activities.
   */
  private inForce?: Promise<AgreementLink[]>;
  agreementsInForce(): Promise<AgreementLink[]> {
    return (this.inForce ??= (async () => {
      const end = this.w.end;
      const k = this.k;
      // whether the partner has activities of the period that were not cancelled: 2 with this school
      // (a seek in the school's period range), else 1 with another school in scope (a seek in the
      // partner's; only for those few, as CASE stops at the first match), else null. Scalar subqueries,
      // not EXISTS, which PostgreSQL may answer by hashing the whole period's activities.
      const live =
        "x.starts_on >= ? AND x.starts_on <= ? AND x.status <> 'cancelled'";
      const partnerWorked = k.raw(
        `CASE WHEN (SELECT 1 FROM activity x${this.hint('activity_org_period_idx')} WHERE x.organisation_id = g.school_id AND x.partner_id = g.partner_id AND ${live} LIMIT 1) IS NOT NULL THEN 2` +
          ` WHEN (SELECT 1 FROM activity x${this.hint('activity_partner_report_idx')} WHERE x.partner_id = g.partner_id AND ${live} LIMIT 1) IS NOT NULL THEN 1 END as worked`,
        [this.w.start, this.w.end, this.w.start, this.w.end],
      );
      const rows: Record<string, unknown>[] = await this.scoped(
        this.k('agreement as g')
          .whereNotNull('g.signed_by_school_on')
          .whereNotNull('g.signed_by_partner_on')
          .where('g.starts_on', '<=', end)
          .where((q) =>
            q.whereNull('g.terminated_on').orWhere('g.terminated_on', '>', end),
          )
          .select(
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
          linked: num(r['worked']) === 2,
          // in one school's report, "any school in scope" is that school
          active:
            num(r['worked']) === 2 || (!this.w.scope && num(r['worked']) === 1),
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
   * Activities in partner order from `activity_partner_report_idx` (migration 0003) on SQLite: the
   * district-wide partner aggregates group them per partner as they come, instead of sorting the period's
   * rows or looking a partner up per activity. The whole index is read (the period is a filter there).
   */
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
    return this.k.from(
      this.k.raw(`?? as ??${this.hint(index)}`, [table, alias]),
    );
  }

  /** ` INDEXED BY <index>` on SQLite (constant index names only), nothing on PostgreSQL. */
  private hint(index: string): string {
    return isPostgres(this.k) ? '' : ` INDEXED BY ${index}`;
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
   * Partners per school, per type and in all: the union of the partners of the agreements in force and
   * the partners of the period's activities that were not cancelled. The database counts the activity
   * partners (per school with the per-school figures, per type with the partner breakdown); an agreement
   * adds its partner only where that partner has no such activity (its `linked` and `active` flags),
   * once per partner. No per-link rows leave the database: at country size there are 150,000 links,
   * whose hashing in SQL and objects in memory grew faster than the data.
   */
  private links?: Promise<PartnerLinks>;
  private partnerLinks(): Promise<PartnerLinks> {
    return (this.links ??= (async () => {
      const [agreements, school, activityTypes] = await Promise.all([
        this.agreementsInForce(),
        this.schoolActivity(),
        this.activePartnersByType(),
      ]);
      const unlinked = new Map<string, Set<string>>();
      const inactive = new Set<string>();
      for (const g of agreements) {
        if (!g.linked) {
          let mine = unlinked.get(g.org);
          if (!mine) unlinked.set(g.org, (mine = new Set()));
          mine.add(g.partner);
        }
        if (!g.active) inactive.add(g.partner);
      }
      const byOrg = new Map(school.activityPartners);
      for (const [org, partners] of unlinked)
        byOrg.set(org, (byOrg.get(org) ?? 0) + partners.size);
      const byType = new Map(activityTypes);
      for (const type of await this.partnerTypes([...inactive]))
        byType.set(type, (byType.get(type) ?? 0) + 1);
      let distinct = 0;
      for (const n of byType.values()) distinct += n;
      return { byOrg, byType, distinct };
    })());
  }

  /** The types of some organisations (null for one without a type, or gone), looked up in chunks. */
  private async partnerTypes(ids: string[]): Promise<(string | null)[]> {
    const types = new Map<string, string | null>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows: Record<string, unknown>[] = await this.k('organisation')
        .whereIn('id', ids.slice(i, i + 500))
        .select('id', 'partner_type as partnerType');
      for (const r of rows)
        types.set(String(r['id']), (r['partnerType'] as string | null) ?? null);
    }
    return ids.map((id) => types.get(id) ?? null);
  }

  /** Distinct partners with activities of the period that were not cancelled, per partner type. */
  private async activePartnersByType(): Promise<Map<string | null, number>> {
    if (!this.w.scope) return (await this.partnerSide()).active;
    const rows: Record<string, unknown>[] = await this.periodActivities()
      .leftJoin('organisation as p', 'p.id', 'a.partner_id')
      .whereNotNull('a.partner_id')
      .whereNot('a.status', 'cancelled')
      .select(
        'p.partner_type as partnerType',
        this.k.raw('COUNT(DISTINCT a.partner_id) as n'),
      )
      .groupBy('p.partner_type');
    return new Map(
      rows.map((r) => [
        (r['partnerType'] as string | null) ?? null,
        num(r['n']),
      ]),
    );
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
   * Per organisation: activities of the period by status (count, hours, participants of the held ones),
   * and the distinct partners of those that were not cancelled (`activityPartners`).
   * PostgreSQL reads each organisation's period as one range of `activity_org_period_idx` and groups it
   * there (a lateral join over the organisations that have activities, found by a skip scan of the same
   * index), so every hash table holds one school's few groups: hashing the district's (school, status)
   * groups in one table grew ×15 for ×10 data, as the table outgrew the CPU caches.
   * SQLite can only group by sorting, so there it is one row per school with a column per status, grouped
   * by `organisation_id` alone: the planner reads the per-school index in order and aggregates as it goes.
   * Career-guidance hours per school come from `careerHoursByGrades`, the same rows as the per-grade table.
   */
  private school?: Promise<SchoolActivity>;
  private schoolActivity(): Promise<SchoolActivity> {
    return (this.school ??= isPostgres(this.k)
      ? this.schoolActivityPg()
      : this.schoolActivitySqlite());
  }

  async activityGroupsByOrg(): Promise<ActivityGroupRow[]> {
    return (await this.schoolActivity()).groups;
  }

  private async schoolActivityPg(): Promise<SchoolActivity> {
    const k = this.k;
    const ofSchool = () =>
      this.inPeriod(k('activity as a'), 'a.starts_on').whereRaw(
        'a.organisation_id = o.id',
      );
    // one organisation, or every organisation with activities: a recursive skip scan of the index
    const orgs = this.w.scope
      ? k.raw('(SELECT CAST(? AS TEXT) AS id) AS o', [this.w.scope])
      : k.raw(
          `(WITH RECURSIVE orgs(id) AS (
              (SELECT x.organisation_id FROM activity x ORDER BY x.organisation_id LIMIT 1)
              UNION ALL
              SELECT (SELECT x.organisation_id FROM activity x WHERE x.organisation_id > orgs.id ORDER BY x.organisation_id LIMIT 1)
              FROM orgs WHERE orgs.id IS NOT NULL
            ) SELECT id FROM orgs WHERE id IS NOT NULL) AS o`,
        );
    // a row per status, and one with a null status holding the distinct partners in `n`
    const perSchool = [
      ofSchool()
        .select('a.status as status', ...groupSums(k))
        .groupBy('a.status'),
      ofSchool()
        .whereNot('a.status', 'cancelled')
        .select(
          k.raw('NULL as status'),
          k.raw('COUNT(DISTINCT a.partner_id) as n'),
          k.raw('0 as participants'),
          k.raw('0 as hours'),
        ),
    ];
    const rows: Record<string, unknown>[] = await k
      .from(orgs)
      .joinRaw(...lateral(perSchool, 's'))
      .select('o.id as org', 's.status', 's.n', 's.participants', 's.hours');
    const groups: ActivityGroupRow[] = [];
    const activityPartners = new Map<string, number>();
    for (const r of rows) {
      if (r['status'] === null) {
        if (num(r['n']) > 0)
          activityPartners.set(String(r['org']), num(r['n']));
      } else
        groups.push(
          groupOf(
            r['org'],
            r['status'] as ActivityGroupRow['status'],
            r['n'],
            r['participants'],
            r['hours'],
          ),
        );
    }
    return { groups, activityPartners };
  }

  private async schoolActivitySqlite(): Promise<SchoolActivity> {
    const k = this.k;
    const rows: Record<string, unknown>[] = await this.periodActivities()
      .select(
        'a.organisation_id as org',
        ...STATUSES.flatMap((st) => statusSums(k, st)),
        k.raw(`SUM(${HELD_PARTICIPANTS}) as participants`),
        k.raw(
          "COUNT(DISTINCT CASE WHEN a.status <> 'cancelled' THEN a.partner_id END) as partners",
        ),
      )
      .groupBy('a.organisation_id');
    const activityPartners = new Map<string, number>();
    for (const r of rows)
      if (num(r['partners']) > 0)
        activityPartners.set(String(r['org']), num(r['partners']));
    const groups = rows.flatMap((r) =>
      statusRows(r, (st, n, participants, hours) =>
        groupOf(r['org'], st, n, participants, hours),
      ),
    );
    return { groups, activityPartners };
  }

  /**
   * The district breakdowns: activities of the period by status × direction × form (`byDirectionAndForm`)
   * and by status × partner type (`byPartnerType`); each breakdown rolls its own rows up by its key.
   * For one school (a few hundred rows) it is one cross-product GROUP BY that answers both. District-wide
   * the direction/form groups are one GROUP BY (bounded groups, see `directionAndFormGroups`); the partner
   * types come from the activities read per partner (`partnerSide`), and the activities without a partner
   * are the per-status totals of the schools less those with one.
   */
  async breakdownGroups(): Promise<{
    byDirectionAndForm: ActivityGroupRow[];
    byPartnerType: ActivityGroupRow[];
  }> {
    if (this.w.scope) {
      const rows = await this.crossProductGroups();
      return { byDirectionAndForm: rows, byPartnerType: rows };
    }
    const [byDirectionAndForm, partners, school] = await Promise.all([
      this.directionAndFormGroups(),
      this.partnerSide(),
      this.schoolActivity(),
    ]);
    return {
      byDirectionAndForm,
      byPartnerType: [
        ...partners.groups,
        ...withoutPartner(school.groups, partners.groups),
      ],
    };
  }

  /**
   * Rows with `status`, `n`, `participants` and `hours` columns, and any of `directionId`, `form`,
   * `partnerType`, `has_partner`, as the breakdowns' group rows (directions named by code and name).
   */
  private async groupRows(
    rows: Record<string, unknown>[],
  ): Promise<ActivityGroupRow[]> {
    const dir = await this.directions();
    return rows.map((r) => {
      const directionId =
        r['directionId'] === undefined ? '' : String(r['directionId']);
      return {
        ...groupOf(
          '',
          r['status'] as ActivityGroupRow['status'],
          r['n'],
          r['participants'],
          r['hours'],
        ),
        directionId,
        directionCode: directionId
          ? (dir.get(directionId)?.code ?? 'other')
          : '',
        directionName: directionId ? (dir.get(directionId)?.name ?? '') : '',
        form: r['form'] === undefined ? '' : String(r['form']),
        partnerType: (r['partnerType'] as string | null | undefined) ?? null,
        hasPartner: num(r['has_partner']) === 1,
      };
    });
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
   * District-wide, the activities that have a partner, per partner type × status, and the partners per
   * type with activities of the period that were not cancelled (`active`). Both databases read the
   * activities one partner at a time and look each partner's type up once: PostgreSQL seeks each
   * organisation's range of `activity_partner_period_idx` (migration 0004) in a lateral join; SQLite reads
   * `activity_partner_report_idx` in partner order and groups as it reads. Joining a type to each of a
   * million activities (a hash of every organisation) grew faster than the data.
   */
  private partners?: Promise<PartnerSide>;
  private partnerSide(): Promise<PartnerSide> {
    return (this.partners ??= (async () => {
      const k = this.k;
      const perPartner = (qb: Knex.QueryBuilder) =>
        this.inPeriod(qb, 'a.starts_on').select(
          ...STATUSES.flatMap((st) => statusSums(k, st)),
          k.raw(`SUM(${HELD_PARTICIPANTS}) as participants`),
          k.raw(
            "SUM(CASE WHEN a.status <> 'cancelled' THEN 1 ELSE 0 END) as live",
          ),
        );
      const byType: Knex.QueryBuilder = isPostgres(k)
        ? k
            .from('organisation as p')
            .joinRaw(
              ...lateral(
                [
                  perPartner(k('activity as a'))
                    .whereRaw('a.partner_id = p.id')
                    .havingRaw('COUNT(*) > 0'),
                ],
                'q',
              ),
            )
        : k
            .from(
              perPartner(this.activityInPartnerOrder())
                .whereNotNull('a.partner_id')
                .select('a.partner_id as partner')
                .groupBy('a.partner_id')
                .as('q'),
            )
            .leftJoin('organisation as p', 'p.id', 'q.partner');
      const rows: Record<string, unknown>[] = await byType
        .select(
          'p.partner_type as partnerType',
          ...STATUSES.flatMap((st) => [
            k.raw('SUM(??) as ??', [`q.n_${st}`, `n_${st}`]),
            k.raw('SUM(??) as ??', [`q.h_${st}`, `h_${st}`]),
          ]),
          k.raw('SUM(q.participants) as participants'),
          k.raw('SUM(CASE WHEN q.live > 0 THEN 1 ELSE 0 END) as active'),
        )
        .groupBy('p.partner_type');
      const active = new Map<string | null, number>();
      for (const r of rows)
        if (num(r['active']) > 0)
          active.set(
            (r['partnerType'] as string | null) ?? null,
            num(r['active']),
          );
      const groups = rows.flatMap((r) =>
        statusRows(r, (st, n, participants, hours) => ({
          ...groupOf('', st, n, participants, hours),
          partnerType: (r['partnerType'] as string | null) ?? null,
          hasPartner: true,
        })),
      );
      return { groups, active };
    })());
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
    limit = ACTIVITY_LIST_LIMIT,
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

  async activityList(limit = ACTIVITY_LIST_LIMIT): Promise<ActivityListRow[]> {
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

/**
 * The activities without a partner, per status: the schools' per-status totals less the partner groups
 * (each activity is in exactly one school's totals and, if it has a partner, in one partner group).
 */
function withoutPartner(
  totals: readonly ActivityGroupRow[],
  withPartner: readonly ActivityGroupRow[],
): ActivityGroupRow[] {
  const sum = new Map<
    string,
    { count: number; participants: number; hours: number }
  >();
  const add = (rows: readonly ActivityGroupRow[], sign: 1 | -1) => {
    for (const r of rows) {
      const v = sum.get(r.status) ?? { count: 0, participants: 0, hours: 0 };
      v.count += sign * r.count;
      v.participants += sign * r.participants;
      v.hours += sign * r.hours;
      sum.set(r.status, v);
    }
  };
  add(totals, 1);
  add(withPartner, -1);
  return [...sum.entries()]
    .filter(([, v]) => v.count > 0)
    .map(([status, v]) =>
      // sums of fractional hours in two orders: keep the difference free of floating-point dust
      groupOf(
        '',
        status as ActivityGroupRow['status'],
        v.count,
        v.participants,
        Math.round(v.hours * 1e6) / 1e6,
      ),
    );
}
