import { OrganisationRecord } from '@socium/api-persistence';
import { AGREEMENT_STATUSES } from '@socium/domain';

import { bootApp, TestApp } from './harness';

/** `GET /agreements?sort=`: each column both ways, paging over the sorted rows, the derived status ranked. */
describe('Agreements API: sorting the list', () => {
  let t: TestApp;
  const names = new Map<string, string>();

  beforeAll(async () => {
    t = await bootApp();
    for (const o of await t.orm.em.fork().find(OrganisationRecord, {})) names.set(o.id, o.name);
  });
  afterAll(() => t.close());

  interface Row {
    id: string;
    number: string;
    schoolId: string;
    partnerId: string;
    startsOn: string;
    endsOn: string | null;
    status: string;
  }
  const list = async (q: string, limit = 100) => {
    const res = await t.http
      .get(`/api/v1/agreements?limit=${limit}&${q}`)
      .set('Authorization', `Bearer ${await t.as('coordinator')}`);
    expect(res.status).toBe(200);
    return res.body as { items: Row[]; total: number };
  };
  const sorted = <T>(xs: T[], cmp: (a: T, b: T) => number) => [...xs].sort(cmp);
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  it('sorts by number both ways', async () => {
    const { items, total } = await list('sort=number');
    expect(total).toBeGreaterThan(3);
    const numbers = items.map((a) => a.number);
    expect(numbers).toEqual(sorted(numbers, byText));
    expect((await list('sort=-number')).items.map((a) => a.number)).toEqual([...numbers].reverse());
  });

  it('sorts by the school and by the partner by their names', async () => {
    const schools = (await list('sort=school')).items.map((a) => names.get(a.schoolId) ?? '');
    expect(schools).toEqual(sorted(schools, byText));
    const partners = (await list('sort=-partner')).items.map((a) => names.get(a.partnerId) ?? '');
    expect(partners).toEqual(sorted(partners, byText).reverse());
  });

  it('sorts by the term: start, and end with open-ended agreements last', async () => {
    const starts = (await list('sort=startsOn')).items.map((a) => a.startsOn);
    expect(starts).toEqual(sorted(starts, byText));
    const ends = (await list('sort=endsOn')).items.map((a) => a.endsOn);
    const firstOpen = ends.indexOf(null);
    const dated = firstOpen < 0 ? ends : ends.slice(0, firstOpen);
    expect(dated).toEqual(sorted(dated, (a, b) => byText(a ?? '', b ?? '')));
    if (firstOpen >= 0) expect(ends.slice(firstOpen).every((e) => e === null)).toBe(true);
  });

  it('sorts by the derived status in the order of the statuses, and pages over the sorted rows', async () => {
    const all = (await list('sort=status')).items;
    const ranks = all.map((a) => AGREEMENT_STATUSES.indexOf(a.status as never));
    expect(ranks).toEqual(sorted(ranks, (a, b) => a - b));
    expect(new Set(all.map((a) => a.status)).size).toBeGreaterThan(1);
    const second = await list('sort=status&offset=2', 2);
    expect(second.items.map((a) => a.id)).toEqual(all.slice(2, 4).map((a) => a.id));
    expect(second.total).toBe(all.length);
    const desc = (await list('sort=-status')).items.map((a) => AGREEMENT_STATUSES.indexOf(a.status as never));
    expect(desc).toEqual(sorted(desc, (a, b) => b - a));
  });

  it('keeps filters and the scope with a sort: a school admin sees only its school', async () => {
    const res = await t.http
      .get('/api/v1/agreements?sort=-partner&limit=100')
      .set('Authorization', `Bearer ${await t.as('school_admin')}`);
    expect(res.status).toBe(200);
    expect(new Set(res.body.items.map((a: Row) => a.schoolId)).size).toBe(1);
    const filtered = await list('sort=status&status=draft');
    expect(filtered.items.every((a) => a.status === 'draft')).toBe(true);
  });

  it('refuses an unknown sort with 400', async () => {
    const res = await t.http
      .get('/api/v1/agreements?sort=secret')
      .set('Authorization', `Bearer ${await t.as('coordinator')}`);
    expect(res.status).toBe(400);
  });
});
