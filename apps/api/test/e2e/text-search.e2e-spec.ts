import { bootApp, TestApp } from './harness';

interface Org {
  id: string;
  name: string;
  shortName: string | null;
  slug: string;
  version: number;
}

/** What the search promises: the text, case aside, inside the name, the short name or the slug. */
const contains = (o: Org, text: string) =>
  [o.name, o.shortName ?? '', o.slug].some((v) => v.toLowerCase().includes(text.toLowerCase()));

describe('Free-text search (the SQLite text index and PostgreSQL trigrams answer as a scan would)', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  const all = async (): Promise<Org[]> =>
    (await t.http.get('/api/v1/organisations?limit=100').set(auth)).body.items as Org[];
  const found = async (text: string): Promise<string[]> => {
    const res = await t.http.get(`/api/v1/organisations?limit=100&q=${encodeURIComponent(text)}`).set(auth);
    expect(res.status).toBe(200);
    return (res.body.items as Org[]).map((o) => o.id).sort();
  };

  beforeAll(async () => {
    t = await bootApp();
    auth = { Authorization: `Bearer ${await t.as('coordinator')}` };
    const created = await t.http.post('/api/v1/organisations').set(auth).send({
      kind: 'partner',
      partnerType: 'other',
      name: 'Клуб «Ёлочка» 100% "Юный_техник" {name} NEAR(a b) AND x*',
      shortName: 'Клуб ЁЛОЧКА',
      slug: 'yolochka-club',
      isPublished: false,
    });
    expect(created.status).toBe(201);
  });
  afterAll(() => t.close());

  it.each([
    'гимназ',
    'ГИМНАЗИЯ',
    'Уруссу',
    'ур',
    'ё',
    'ёлочка',
    '«Ёлочка»',
    '100%',
    '%',
    '_',
    'юный_техник',
    '"юный',
    '{name}',
    'NEAR(a',
    'and x*',
    'school',
    '-school',
    'нет такого',
  ])('finds exactly the organisations containing %j', async (text) => {
    const expected = (await all())
      .filter((o) => contains(o, text))
      .map((o) => o.id)
      .sort();
    expect(await found(text)).toEqual(expected);
  });

  const onSqlite = process.env['DB_DRIVER'] !== 'postgresql';
  (onSqlite ? it : it.skip)(
    'answers three characters or more from the SQLite text index, shorter texts by a scan',
    async () => {
      const sql = (statement: string) => t.orm.em.getConnection().execute(statement, [], 'run');
      await sql(`insert into organisation_search(organisation_search) values ('delete-all')`);
      try {
        expect(await found('гимназ')).toEqual([]);
        expect((await found('ур')).length).toBeGreaterThan(0);
      } finally {
        await sql(`insert into organisation_search(organisation_search) values ('rebuild')`);
      }
      expect((await found('гимназ')).length).toBeGreaterThan(0);
    },
  );

  it('follows a renamed organisation: the old name finds it no more, the new one does', async () => {
    const club = (await all()).find((o) => o.slug === 'yolochka-club') as Org;
    const renamed = await t.http
      .patch(`/api/v1/organisations/${club.id}`)
      .set(auth)
      .send({ version: club.version, name: 'Клуб юных натуралистов', shortName: 'Натуралисты' });
    expect(renamed.status).toBe(200);
    expect(await found('ёлочка')).toEqual([]);
    expect(await found('натуралист')).toEqual([club.id]);
  });

  it('forgets a deleted organisation', async () => {
    const club = (await all()).find((o) => o.slug === 'yolochka-club') as Org;
    const removed = await t.http.delete(`/api/v1/organisations/${club.id}`).set(auth);
    expect([200, 204]).toContain(removed.status);
    expect(await found('натуралист')).toEqual([]);
  });

  it('finds activities and agreements by their texts and by the names of their parties', async () => {
    const activities = await t.http.get(`/api/v1/activities?limit=100&q=${encodeURIComponent('ЭКСКУРС')}`).set(auth);
    expect(activities.status).toBe(200);
    expect(activities.body.items.length).toBeGreaterThan(0);
    expect(
      (activities.body.items as { title: string; venue: string | null }[]).every((a) =>
        `${a.title} ${a.venue ?? ''}`.toLowerCase().includes('экскурс'),
      ),
    ).toBe(true);
    const agreements = await t.http.get(`/api/v1/agreements?limit=100&q=${encodeURIComponent('тапарт')}`).set(auth);
    expect(agreements.body.items.length).toBeGreaterThan(0);
  });

  it("finds the same activities in one school's list, where it scans instead of reading the index", async () => {
    const everywhere = await t.http.get(`/api/v1/activities?limit=100&q=${encodeURIComponent('экскурс')}`).set(auth);
    const school = (everywhere.body.items as { organisationId: string }[])[0].organisationId;
    const ofSchool = await t.http
      .get(`/api/v1/activities?limit=100&organisationId=${school}&q=${encodeURIComponent('ЭКСКУРС')}`)
      .set(auth);
    const ids = (x: { body: { items: { id: string; organisationId: string }[] } }) =>
      x.body.items.map((a) => a.id).sort();
    expect(ids(ofSchool)).toEqual(
      everywhere.body.items
        .filter((a: { organisationId: string }) => a.organisationId === school)
        .map((a: { id: string }) => a.id)
        .sort(),
    );
  });

  it('gives the right total on a page with rows and on a page past the end (counted by the same filter)', async () => {
    const q = `q=${encodeURIComponent('экскурс')}`;
    const all = await t.http.get(`/api/v1/activities?limit=100&${q}`).set(auth);
    const first = await t.http.get(`/api/v1/activities?limit=1&${q}`).set(auth);
    const past = await t.http.get(`/api/v1/activities?limit=5&offset=1000&${q}`).set(auth);
    expect(first.body.total).toBe(all.body.items.length);
    expect(first.body.items).toHaveLength(1);
    expect(past.status).toBe(200);
    expect(past.body.items).toEqual([]);
    expect(past.body.total).toBe(all.body.items.length);
  });

  it("finds an agreement by its parties' names, not by their web addresses (a search over some of the index's columns)", async () => {
    const orgs = await all();
    const agreements = (await t.http.get('/api/v1/agreements?limit=100').set(auth)).body.items as {
      id: string;
      schoolId: string;
      partnerId: string;
    }[];
    const partner = orgs.find((o) => agreements.some((a) => a.partnerId === o.id) && !/[а-яё]/i.test(o.slug)) as Org;
    // a piece of the Latin address that no name, number or subject contains
    const piece = partner.slug.slice(0, 5);
    const byAddress = await t.http.get(`/api/v1/agreements?limit=100&q=${encodeURIComponent(piece)}`).set(auth);
    expect(byAddress.status).toBe(200);
    const named = orgs.filter((o) => `${o.name} ${o.shortName ?? ''}`.toLowerCase().includes(piece.toLowerCase()));
    expect(named).toEqual([]);
    expect(byAddress.body.items.map((a: { partnerId: string }) => a.partnerId)).not.toContain(partner.id);
    const byName = await t.http.get(`/api/v1/agreements?limit=100&q=${encodeURIComponent(partner.name)}`).set(auth);
    expect(byName.body.items.map((a: { partnerId: string }) => a.partnerId)).toContain(partner.id);
  });
});
