import { MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';

import { ReportQueries, ReportWindow } from '../../src/app/reports/report.queries';
import { activityRow, agreementRow, openReportDb, orgRow, planRow } from './report-fixtures';

/**
 * The department report's partner figures on a real database (SQLite, or PostgreSQL with DB_DRIVER):
 * the database counts activity partners per school and per type, and agreements add their partner only
 * where it has no activity. Checked against a plain count over the same rows, written out below: the
 * union of the partners of the agreements in force and of the period's activities that were not cancelled.
 */
const PERIOD = { start: '2024-09-01', end: '2025-08-31' };
type Status = 'planned' | 'held' | 'cancelled' | 'postponed';
interface Org {
  id: string;
  kind: 'school' | 'partner' | 'department';
  type: string | null;
}
interface Agreement {
  school: string;
  partner: string;
  signed: boolean;
  terminatedOn: string | null;
}
interface Activity {
  school: string;
  partner: string | null;
  status: Status;
  startsOn: string;
  hours: number;
  participants: number | null;
}

// Three schools, six partners (one without a type), agreements of every kind the figures distinguish.
const orgs: Org[] = [
  { id: 'dept', kind: 'department', type: null },
  { id: 's1', kind: 'school', type: null },
  { id: 's2', kind: 'school', type: null },
  { id: 's3', kind: 'school', type: null },
  { id: 'p-employer', kind: 'partner', type: 'employer' },
  { id: 'p-college', kind: 'partner', type: 'college' },
  { id: 'p-museum', kind: 'partner', type: 'culture' },
  { id: 'p-theatre', kind: 'partner', type: 'culture' },
  { id: 'p-idle', kind: 'partner', type: 'sport_youth' },
  { id: 'p-untyped', kind: 'partner', type: null },
];
const agreements: Agreement[] = [
  { school: 's1', partner: 'p-employer', signed: true, terminatedOn: null }, // also activities with s1
  { school: 's1', partner: 'p-employer', signed: true, terminatedOn: null }, // the same partner twice
  { school: 's1', partner: 'p-museum', signed: true, terminatedOn: null }, // activities only with s2
  { school: 's2', partner: 'p-idle', signed: true, terminatedOn: null }, // no activities anywhere
  { school: 's3', partner: 'p-idle', signed: true, terminatedOn: null }, // … with two schools
  { school: 's2', partner: 'p-untyped', signed: true, terminatedOn: null }, // only cancelled activities
  { school: 's3', partner: 'p-college', signed: false, terminatedOn: null }, // not signed: not in force
  { school: 's3', partner: 'p-theatre', signed: true, terminatedOn: '2025-01-31' }, // terminated in the period
];
const activities: Activity[] = [
  { school: 's1', partner: 'p-employer', status: 'held', startsOn: '2024-10-10', hours: 3, participants: 12 },
  { school: 's1', partner: 'p-employer', status: 'planned', startsOn: '2025-03-01', hours: 2, participants: null },
  { school: 's1', partner: 'p-college', status: 'postponed', startsOn: '2025-04-01', hours: 1.5, participants: null },
  { school: 's1', partner: null, status: 'held', startsOn: '2024-11-11', hours: 1, participants: 20 },
  { school: 's1', partner: null, status: 'cancelled', startsOn: '2024-12-12', hours: 1, participants: null },
  { school: 's2', partner: 'p-museum', status: 'held', startsOn: '2025-02-02', hours: 2.25, participants: 8 },
  { school: 's2', partner: 'p-museum', status: 'held', startsOn: '2025-02-03', hours: 0.1, participants: 9 },
  { school: 's2', partner: 'p-untyped', status: 'cancelled', startsOn: '2025-01-15', hours: 2, participants: null },
  { school: 's2', partner: 'p-employer', status: 'held', startsOn: '2023-10-10', hours: 4, participants: 30 }, // before the period
  { school: 's2', partner: null, status: 'planned', startsOn: '2025-05-05', hours: 0.2, participants: null },
  { school: 's3', partner: 'p-theatre', status: 'cancelled', startsOn: '2024-09-15', hours: 2, participants: null },
  { school: 's3', partner: 'p-college', status: 'held', startsOn: '2025-08-31', hours: 1, participants: 5 }, // last day
  { school: 's3', partner: 'p-college', status: 'held', startsOn: '2025-09-01', hours: 1, participants: 5 }, // after it
];

/** The plain count: every figure from the arrays above, one activity and one agreement at a time. */
function byHand(scope: string | null) {
  const inScope = (school: string) => scope === null || school === scope;
  const inForce = agreements.filter(
    (g) => g.signed && (g.terminatedOn === null || g.terminatedOn > PERIOD.end) && inScope(g.school),
  );
  const period = activities.filter((a) => a.startsOn >= PERIOD.start && a.startsOn <= PERIOD.end && inScope(a.school));
  const links = new Set<string>();
  for (const g of inForce) links.add(`${g.school} ${g.partner}`);
  for (const a of period) if (a.partner && a.status !== 'cancelled') links.add(`${a.school} ${a.partner}`);
  const partnersByOrg = new Map<string, number>();
  const partners = new Set<string>();
  for (const link of links) {
    const [school, partner] = link.split(' ') as [string, string];
    partnersByOrg.set(school, (partnersByOrg.get(school) ?? 0) + 1);
    partners.add(partner);
  }
  const partnersByType = new Map<string | null, number>();
  for (const p of partners) {
    const type = orgs.find((o) => o.id === p)?.type ?? null;
    partnersByType.set(type, (partnersByType.get(type) ?? 0) + 1);
  }
  const byTypeAndStatus = new Map<string, { count: number; participants: number; hours: number }>();
  for (const a of period) {
    const key = `${a.partner ? (orgs.find((o) => o.id === a.partner)?.type ?? 'unspecified') : 'own'} ${a.status}`;
    const v = byTypeAndStatus.get(key) ?? { count: 0, participants: 0, hours: 0 };
    v.count += 1;
    v.participants += a.status === 'held' ? (a.participants ?? 0) : 0;
    v.hours = Math.round((v.hours + a.hours) * 1e6) / 1e6;
    byTypeAndStatus.set(key, v);
  }
  const statusByOrg = new Map<string, number>();
  for (const a of period)
    statusByOrg.set(`${a.school} ${a.status}`, (statusByOrg.get(`${a.school} ${a.status}`) ?? 0) + 1);
  return { partnersByOrg, partnersByType, distinct: partners.size, byTypeAndStatus, statusByOrg };
}

describe('department report partner figures on a real database', () => {
  let orm: MikroORM;
  let knex: Knex;
  beforeAll(async () => {
    ({ orm, knex } = await openReportDb());
    for (const o of orgs) await knex('organisation').insert(orgRow(o.id, o.kind, o.type));
    let n = 0;
    for (const g of agreements) {
      const signedOn = g.signed ? '2024-01-01' : null;
      const over = { signed_by_school_on: signedOn, signed_by_partner_on: signedOn, terminated_on: g.terminatedOn };
      await knex('agreement').insert(agreementRow(`g${++n}`, g.school, g.partner, over));
    }
    for (const s of ['s1', 's2', 's3']) await knex('plan').insert(planRow(s, '2024-2025'));
    for (const a of activities) {
      const over = { partner_id: a.partner, hours: a.hours, actual_participants: a.participants };
      await knex('activity').insert(activityRow(`a${++n}`, a.school, a.status, a.startsOn, over));
    }
  });
  afterAll(() => orm.close(true));

  const queries = (scope: string | null) => {
    const w: ReportWindow = { ...PERIOD, scope, today: '2025-09-15', academicYear: '2024-2025' };
    return new ReportQueries(knex, w);
  };
  const sorted = <K, V>(m: Map<K, V>) => [...m.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  for (const scope of [null, 's1', 's2', 's3']) {
    const name = scope ?? 'the district';
    it(`counts the partners of ${name} as the union of agreements in force and activities not cancelled`, async () => {
      const q = queries(scope);
      const hand = byHand(scope);
      expect(sorted(await q.partnersByOrg())).toEqual(sorted(hand.partnersByOrg));
      expect(sorted(new Map((await q.partnersByType()).map((r) => [r.partnerType, r.count])))).toEqual(
        sorted(hand.partnersByType),
      );
      expect(await q.distinctPartners()).toBe(hand.distinct);
    });

    it(`breaks the activities of ${name} down by partner type and status, own ones included`, async () => {
      const q = queries(scope);
      const got = new Map<string, { count: number; participants: number; hours: number }>();
      for (const g of (await q.breakdownGroups()).byPartnerType) {
        const key = `${g.hasPartner ? (g.partnerType ?? 'unspecified') : 'own'} ${g.status}`;
        const v = got.get(key) ?? { count: 0, participants: 0, hours: 0 };
        got.set(key, {
          count: v.count + g.count,
          participants: v.participants + g.participants,
          hours: Math.round((v.hours + g.hours) * 1e6) / 1e6,
        });
      }
      expect(sorted(got)).toEqual(sorted(byHand(scope).byTypeAndStatus));
    });

    it(`counts the activities of ${name} per school and status`, async () => {
      const got = new Map((await queries(scope).activityGroupsByOrg()).map((g) => [`${g.org} ${g.status}`, g.count]));
      expect(sorted(got)).toEqual(sorted(byHand(scope).statusByOrg));
    });
  }

  it('finds the hand-counted figures non-trivial: agreements add partners that activities do not', () => {
    const hand = byHand(null);
    expect(sorted(hand.partnersByOrg)).toEqual([
      ['s1', 3],
      ['s2', 3],
      ['s3', 2],
    ]);
    expect(hand.distinct).toBe(5);
  });
});
