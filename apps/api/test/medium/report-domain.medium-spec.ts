import {
  acknowledgedOnTime,
  ACTIVITY_STATUSES,
  activityCounts,
  ActivityStatus,
  ageBand,
  AgreementData,
  DateRange,
  hasAcknowledged,
  isInForce,
  isRecipientOverdue,
  LocalDate,
  makesPartner,
  periodPartners,
  planExecutionCounts,
  RecipientState,
} from '@socium/domain';

import { MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';

import { ReportQueries } from '../../src/app/reports/report.queries';
import {
  activityRow,
  agreementRow,
  directionRow,
  insertDocument,
  openReportDb,
  orgRow,
  placementRow,
  planRow,
} from './report-fixtures';

/**
 * Each report query against the domain function it stands for, over the same hand-made rows at the edges
 * of every rule (agreement dates around the period's last day, activities around its ends, students aged
 * 13–18 on their placement's start, recipients around their due date and today), on a real database
 * (SQLite, or PostgreSQL with DB_DRIVER). The expected figures are computed in memory by the domain alone.
 */
const START = '2024-09-01';
const END = '2025-08-31';
const TODAY = '2025-06-10';
const d = LocalDate.iso;
const opt = (s: string | null) => (s ? d(s) : null);
const json = (v: unknown) => JSON.stringify(v);
const partnerTypes: Record<string, string | null> = {
  p1: 'employer',
  p2: 'college',
  p3: 'culture',
  p4: 'culture',
  p5: null,
  p6: 'employer',
  p7: 'sport_youth',
  p8: 'employer',
};

interface G {
  school: string;
  partner: string;
  startsOn: string;
  endsOn: string | null;
  autoRenew: boolean;
  signed: [string | null, string | null];
  terminatedOn: string | null;
  noticeGivenOn: string | null;
}
const g = (school: string, partner: string, over: Partial<G> = {}): G => ({
  school,
  partner,
  startsOn: '2024-01-01',
  endsOn: null,
  autoRenew: false,
  signed: ['2023-12-20', '2023-12-21'],
  terminatedOn: null,
  noticeGivenOn: null,
  ...over,
});
const agreements: G[] = [
  g('s1', 'p1'),
  g('s1', 'p2', { signed: ['2023-12-20', '2025-08-31'] }), // signed by both on the last day
  g('s1', 'p3', { signed: ['2023-12-20', '2025-09-01'] }), // … the day after: not in force
  g('s1', 'p4', { startsOn: '2025-08-31' }), // starts on the last day
  g('s2', 'p4', { startsOn: '2025-09-01', signed: ['2025-08-01', '2025-08-01'] }), // starts the day after
  g('s2', 'p5', { terminatedOn: '2025-08-31' }), // terminated on the last day: no longer in force
  g('s2', 'p6', { terminatedOn: '2025-09-01' }), // … the day after: in force
  g('s2', 'p1', { endsOn: '2025-08-30' }), // ended the day before
  g('s3', 'p2', { endsOn: '2025-08-31' }), // ends on the last day
  g('s3', 'p3', { startsOn: '2023-09-01', endsOn: '2024-08-31', autoRenew: true }), // renewed into the period
  g('s3', 'p7', { startsOn: '2023-09-01', endsOn: '2024-08-31', autoRenew: true, noticeGivenOn: '2024-06-01' }), // notice given: ended
  g('s3', 'p6', { signed: [null, '2023-12-21'] }), // never signed by the school
  g('s2', 'p8'), // in force; its only activity was cancelled
];

interface A {
  school: string;
  partner: string | null;
  status: ActivityStatus;
  startsOn: string;
  career: boolean;
  hours: number;
  professions: string[];
  /** the planned start when a postponement moved the activity (else `startsOn`) */
  plannedStartsOn?: string;
}
const a = (
  school: string,
  partner: string | null,
  status: ActivityStatus,
  startsOn: string,
  over: Partial<A> = {},
): A => ({
  school,
  partner,
  status,
  startsOn,
  career: false,
  hours: 1,
  professions: [],
  ...over,
});
const activities: A[] = [
  a('s1', 'p5', 'cancelled', '2024-10-01'), // p5 only cancelled with s1
  a('s1', 'p1', 'cancelled', '2025-01-01'), // an agreement in force, and only a cancelled activity with s1
  a('s2', 'p8', 'cancelled', '2025-03-03'), // … and with no school at all
  a('s1', 'p6', 'held', '2024-09-01', { career: true, hours: 2, professions: ['welder'] }), // the first day
  a('s1', 'p7', 'planned', '2025-08-31', { professions: ['nurse'] }), // the last day
  a('s1', 'p2', 'held', '2024-08-31'), // the day before
  a('s1', 'p4', 'postponed', '2025-09-01'), // the day after
  a('s2', 'p7', 'cancelled', '2025-01-10', { professions: ['pilot'] }), // cancelled covers no profession
  a('s2', 'p3', 'postponed', '2025-02-10'),
  a('s2', null, 'held', '2025-03-10', { career: true, hours: 1.5 }),
  a('s2', 'p1', 'held', '2025-04-10', { career: true, hours: 3, professions: ['welder', 'cook'] }),
  a('s3', 'p5', 'held', '2025-05-10'),
  a('s3', 'p5', 'cancelled', '2025-05-11'),
  a('s3', null, 'cancelled', '2025-05-12', { career: true }),
  a('s1', 'p2', 'postponed', '2025-09-10', { plannedStartsOn: '2025-08-31' }), // planned on the last day, moved out
  a('s2', 'p3', 'held', '2025-01-15', { plannedStartsOn: '2024-08-31' }), // planned the day before, held inside
  a('s3', null, 'held', '2024-10-20', { plannedStartsOn: '2024-09-01' }), // planned on the first day, held later
  a('s3', 'p5', 'postponed', '2025-09-01', { plannedStartsOn: '2025-09-01' }), // the day after, as planned
];

interface P {
  school: string;
  student: string;
  birth: string;
  startsOn: string;
  channel: string;
}
const placements: P[] = [];
// ages 13–18 on the start, each with a birthday on the start day and on the day after
for (const [i, age] of [13, 14, 15, 16, 17, 18].entries())
  for (const [j, birthday] of ['06-15', '06-16'].entries())
    placements.push({
      school: i % 2 ? 's1' : 's2',
      student: `st-${age}-${j}`,
      birth: `${2025 - age}-${birthday}`,
      startsOn: '2025-06-15',
      channel: ['employment_centre', 'school_brigade', 'direct'][(i + j) % 3] as string,
    });
placements.push(
  { school: 's1', student: 'st-leap', birth: '2008-02-29', startsOn: '2025-02-28', channel: 'direct' }, // 16 from 1 March
  { school: 's1', student: 'st-leap', birth: '2008-02-29', startsOn: '2025-03-01', channel: 'direct' }, // the same student again
  { school: 's1', student: 'st-twice', birth: '2010-07-01', startsOn: '2025-06-30', channel: 'direct' }, // 14 …
  { school: 's1', student: 'st-twice', birth: '2010-07-01', startsOn: '2025-07-01', channel: 'school_brigade' }, // … 15 on another channel
  { school: 's2', student: 'st-before', birth: '2010-01-01', startsOn: '2024-08-31', channel: 'direct' }, // before the period
  { school: 's2', student: 'st-last', birth: '2010-09-01', startsOn: '2025-08-31', channel: 'direct' }, // the last day, 14
);

interface R {
  school: string;
  issuedOn: string;
  dueOn: string | null;
  state: RecipientState;
  acknowledgedOn: string | null;
}
const states: [RecipientState, string | null][] = [
  ['sent', null],
  ['received', null],
  ['acknowledged', '2025-06-09'],
  ['responded', '2025-06-10'],
  ['closed', '2025-06-11'],
];
const recipients: R[] = [];
for (const dueOn of [null, '2025-06-09', '2025-06-10', '2025-06-11'])
  for (const [k, [state, ackOn]] of states.entries())
    recipients.push({ school: k % 2 ? 's1' : 's2', issuedOn: '2025-05-01', dueOn, state, acknowledgedOn: ackOn });
recipients.push({ school: 's1', issuedOn: '2024-08-31', dueOn: '2024-09-05', state: 'sent', acknowledgedOn: null }); // issued before the period
recipients.push({ school: 's3', issuedOn: '2025-08-31', dueOn: '2025-06-01', state: 'received', acknowledgedOn: null }); // the last day

const dataOf = (x: G): AgreementData => ({
  kind: 'cooperation',
  number: '',
  subject: '',
  goal: '',
  directionIds: [],
  obligations: [],
  startsOn: d(x.startsOn),
  endsOn: opt(x.endsOn),
  autoRenew: x.autoRenew,
  noticeDays: 30,
  signatures: { school: opt(x.signed[0]), partner: opt(x.signed[1]) },
  terminatedOn: opt(x.terminatedOn),
  noticeGivenOn: opt(x.noticeGivenOn),
});

/** The figures as the domain defines them, from the arrays above. */
function byDomain(scope: string | null) {
  const inScope = (school: string) => scope === null || school === scope;
  const inPeriod = (day: string) => day >= START && day <= END;
  const inForce = agreements.filter((x) => inScope(x.school) && isInForce(dataOf(x), d(END)));
  const period = activities.filter((x) => inScope(x.school) && inPeriod(x.startsOn));
  const schools = [...new Set([...inForce.map((x) => x.school), ...period.map((x) => x.school)])];
  const partnersOf = (school: string | null) =>
    periodPartners(
      inForce.filter((x) => !school || x.school === school).map((x) => x.partner),
      period.filter((x) => !school || x.school === school).map((x) => ({ partnerId: x.partner, status: x.status })),
    );
  const partnersByType = new Map<string | null, number>();
  for (const p of partnersOf(null))
    partnersByType.set(partnerTypes[p] ?? null, (partnersByType.get(partnerTypes[p] ?? null) ?? 0) + 1);
  const statusByOrg = new Map<string, number>();
  for (const x of period)
    statusByOrg.set(`${x.school} ${x.status}`, (statusByOrg.get(`${x.school} ${x.status}`) ?? 0) + 1);
  const employed = new Map<string, Set<string>>();
  const employedAll = new Set<string>();
  for (const p of placements.filter((x) => inScope(x.school) && inPeriod(x.startsOn))) {
    const band = ageBand(d(p.birth).ageOn(d(p.startsOn)));
    if (!band) continue;
    employed.set(`${p.channel} ${band}`, (employed.get(`${p.channel} ${band}`) ?? new Set()).add(p.student));
    employedAll.add(p.student);
  }
  const docs = new Map<string, { recipients: number; acknowledged: number; overdue: number; onTime: number }>();
  for (const r of recipients.filter((x) => inScope(x.school) && inPeriod(x.issuedOn))) {
    const v = docs.get(r.school) ?? { recipients: 0, acknowledged: 0, overdue: 0, onTime: 0 };
    v.recipients += 1;
    v.acknowledged += Number(hasAcknowledged(r));
    v.overdue += Number(isRecipientOverdue(r, opt(r.dueOn), d(TODAY)));
    v.onTime += Number(acknowledgedOnTime({ acknowledgedOn: opt(r.acknowledgedOn) }, opt(r.dueOn)));
    docs.set(r.school, v);
  }
  return {
    agreementsByOrg: count(inForce.map((x) => x.school)),
    partnersByOrg: new Map(schools.map((s) => [s, partnersOf(s).length] as const).filter(([, n]) => n > 0)),
    distinct: partnersOf(null).length,
    partnersByType,
    statusByOrg,
    planned: new Map(
      [...new Set(activities.map((x) => x.school))]
        .filter(inScope)
        .map((school) => {
          const rows = activities
            .filter((x) => x.school === school)
            .map((x) => ({ status: x.status, plannedStartsOn: d(x.plannedStartsOn ?? x.startsOn) }));
          return [school, planExecutionCounts(rows, DateRange.ofInclusive(d(START), d(END)))] as const;
        })
        .filter(([, c]) => c.planned > 0),
    ),
    employed: new Map([...employed].map(([k, v]) => [k, v.size])),
    employedAll: employedAll.size,
    docs,
    covered: [...new Set(period.filter(makesPartner).flatMap((x) => x.professions))].sort(),
    career: count(
      period.filter((x) => x.career && x.status === 'held').flatMap((x) => Array<string>(x.hours * 2).fill(x.school)),
    ),
  };
}

function count(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
const sorted = <K, V>(m: Map<K, V>) => [...m.entries()].sort((x, y) => String(x[0]).localeCompare(String(y[0])));

describe('report queries agree with the domain on a real database', () => {
  let orm: MikroORM;
  let knex: Knex;
  beforeAll(async () => {
    ({ orm, knex } = await openReportDb());
    await knex('direction').insert(directionRow('dir-other', 'culture', 'Культура'));
    const schools = ['s1', 's2', 's3'];
    const partners = Object.entries(partnerTypes).map(([p, t]) => orgRow(p, 'partner', t));
    await knex('organisation').insert([
      orgRow('dept', 'department'),
      ...schools.map((s) => orgRow(s, 'school')),
      ...partners,
    ]);
    let n = 0;
    for (const x of agreements) {
      const [school, partner] = x.signed;
      const dates = {
        starts_on: x.startsOn,
        ends_on: x.endsOn,
        auto_renew: x.autoRenew,
        terminated_on: x.terminatedOn,
        notice_given_on: x.noticeGivenOn,
      };
      await knex('agreement').insert(
        agreementRow(`g${++n}`, x.school, x.partner, {
          ...dates,
          signed_by_school_on: school,
          signed_by_partner_on: partner,
        }),
      );
    }
    for (const s of schools) await knex('plan').insert(planRow(s, '2024-2025'));
    for (const x of activities) {
      const over = {
        direction_id: x.career ? 'dir-career' : 'dir-other',
        partner_id: x.partner,
        hours: x.hours,
        professions: json(x.professions),
      };
      const planned = x.plannedStartsOn ?? x.startsOn;
      await knex('activity').insert(
        activityRow(`a${++n}`, x.school, x.status, x.startsOn, {
          ...over,
          planned_starts_on: planned,
          planned_ends_on: planned,
        }),
      );
    }
    for (const p of placements)
      await knex('placement').insert(placementRow(`pl${++n}`, p.school, p.student, p.birth, p.startsOn, p.channel));
    for (const r of recipients) await insertDocument(knex, `doc${++n}`, r);
  });
  afterAll(() => orm.close(true));

  for (const scope of [null, 's1', 's2', 's3']) {
    const name = scope ?? 'the district';
    const queries = () =>
      new ReportQueries(knex, { start: START, end: END, scope, today: TODAY, academicYear: '2024-2025' });

    it(`counts the agreements in force as isInForce does (${name})`, async () => {
      expect(sorted(await queries().agreementsByOrg())).toEqual(sorted(byDomain(scope).agreementsByOrg));
    });

    it(`counts the partners as periodPartners does (${name})`, async () => {
      const q = queries();
      const want = byDomain(scope);
      expect(sorted(await q.partnersByOrg())).toEqual(sorted(want.partnersByOrg));
      expect(await q.distinctPartners()).toBe(want.distinct);
      expect(sorted(new Map((await q.partnersByType()).map((r) => [r.partnerType, r.count])))).toEqual(
        sorted(want.partnersByType),
      );
    });

    it(`counts the activities by the domain's statuses (${name})`, async () => {
      const rows = await queries().activityGroupsByOrg();
      expect(rows.every((r) => (ACTIVITY_STATUSES as readonly string[]).includes(r.status))).toBe(true);
      expect(sorted(new Map(rows.map((r) => [`${r.org} ${r.status}`, r.count])))).toEqual(
        sorted(byDomain(scope).statusByOrg),
      );
    });

    it(`counts plan execution in the period each activity was planned in, as planExecutionCounts does (${name})`, async () => {
      const got = new Map<string, { status: ActivityStatus; count: number }[]>();
      for (const r of await queries().plannedStatusByOrg()) got.set(r.org, [...(got.get(r.org) ?? []), r]);
      expect(sorted(new Map([...got].map(([org, rows]) => [org, activityCounts(rows)])))).toEqual(
        sorted(byDomain(scope).planned),
      );
    });

    it(`bands the employed students by ageOn on the placement's start (${name})`, async () => {
      const got = await queries().employedByChannelAndBand();
      const want = byDomain(scope);
      expect(sorted(new Map(got.rows.map((r) => [`${r.channel} ${r.ageBand}`, r.count])))).toEqual(
        sorted(want.employed),
      );
      expect(got.distinct).toBe(want.employedAll);
    });

    it(`counts acknowledged, overdue and on-time recipients as the document rules do (${name})`, async () => {
      expect(sorted(await queries().documentsByOrg())).toEqual(sorted(byDomain(scope).docs));
    });

    it(`covers the professions of activities that were not cancelled and sums held career hours (${name})`, async () => {
      const q = queries();
      expect((await q.coveredProfessions()).sort()).toEqual(byDomain(scope).covered);
      const hours = new Map<string, number>();
      for (const r of await q.careerHoursByGrades()) hours.set(r.org, (hours.get(r.org) ?? 0) + r.hours * 2);
      expect(sorted(hours)).toEqual(sorted(byDomain(scope).career));
    });
  }

  it('has rows on both sides of every edge (the dataset is not vacuous)', () => {
    const want = byDomain(null);
    expect(want.agreementsByOrg.size).toBe(3);
    expect([...want.docs.values()].reduce((s, v) => s + v.overdue, 0)).toBeGreaterThan(0);
    expect([...want.docs.values()].reduce((s, v) => s + v.onTime, 0)).toBeLessThan(
      [...want.docs.values()].reduce((s, v) => s + v.acknowledged, 0),
    );
    expect(want.employedAll).toBeLessThan(placements.length);
  });
});
