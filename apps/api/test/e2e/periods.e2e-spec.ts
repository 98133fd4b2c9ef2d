import { bootApp, TestApp } from './harness';

describe('Periods API', () => {
  let t: TestApp;
  let coord: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await bootApp();
    coord = await t.as('coordinator');
  });
  afterAll(() => t.close());

  it('gives 2019-2020 as 1 Sep 2019 – 31 Aug 2020 with four quarters, the summer campaign and two calendar years', async () => {
    const res = await t.http.get('/api/v1/periods?academicYear=2019-2020').set(auth(await t.as('partner_rep')));
    expect(res.status).toBe(200);
    expect(res.body.academicYear).toEqual({
      kind: 'academic_year',
      label: '2019-2020',
      startsOn: '2019-09-01',
      endsOn: '2020-08-31',
    });
    expect(res.body.termScheme).toBe('quarters');
    expect(res.body.terms.map((x: { code: string }) => x.code)).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(res.body.terms[0]).toMatchObject({ kind: 'term', startsOn: '2019-09-02' });
    for (const term of res.body.terms) {
      expect(term.startsOn >= '2019-09-01' && term.endsOn <= '2020-08-31' && term.startsOn <= term.endsOn).toBe(true);
    }
    expect(res.body.summerCampaign).toMatchObject({
      kind: 'summer_campaign',
      startsOn: '2020-06-01',
      endsOn: '2020-08-31',
    });
    expect(res.body.calendarYears.map((y: { label: string }) => y.label)).toEqual(['2019', '2020']);
    expect(res.body.calendarQuarters.map((y: { label: string }) => y.label)).toEqual([
      '2019-Q1',
      '2019-Q2',
      '2019-Q3',
      '2019-Q4',
      '2020-Q1',
      '2020-Q2',
      '2020-Q3',
      '2020-Q4',
    ]);
    expect(res.body.calendarQuarters[4]).toEqual({
      kind: 'calendar_quarter',
      label: '2020-Q1',
      startsOn: '2020-01-01',
      endsOn: '2020-03-31',
    });
    expect(res.body.halfYears.map((y: { label: string }) => y.label)).toEqual([
      '2019-H1',
      '2019-H2',
      '2020-H1',
      '2020-H2',
    ]);
    expect(res.body.halfYears[3]).toMatchObject({ kind: 'half_year', startsOn: '2020-07-01', endsOn: '2020-12-31' });
  });

  it('uses the organisation’s term scheme when asked for it', async () => {
    const org = await t.http.post('/api/v1/organisations').set(auth(coord)).send({
      kind: 'school',
      name: 'Школа с триместрами',
      shortName: 'Триместры',
      slug: 'periods-trimesters',
      termScheme: 'trimesters',
    });
    expect(org.status).toBe(201);
    const res = await t.http
      .get(`/api/v1/periods?academicYear=2020-2021&organisationId=${org.body.id}`)
      .set(auth(coord));
    expect(res.body.termScheme).toBe('trimesters');
    expect(res.body.terms.map((x: { code: string }) => x.code)).toEqual(['t1', 't2', 't3']);
    expect((await t.http.get('/api/v1/periods?organisationId=nope').set(auth(coord))).status).toBe(404);
  });

  it('without a year answers the year containing today, or the given date', async () => {
    const today = await t.http.get('/api/v1/periods').set(auth(coord));
    expect(today.body.academicYear.label).toBe('2026-2027');
    const onDate = await t.http.get('/api/v1/periods?date=2020-08-31').set(auth(coord));
    expect(onDate.body.academicYear.label).toBe('2019-2020');
    t.clock.pin('2020-03-01');
    expect((await t.http.get('/api/v1/periods').set(auth(coord))).body.academicYear.label).toBe('2019-2020');
    t.clock.pin('2026-11-28');
  });

  it('rejects a bad academic year, a bad date and an unknown parameter with 400 naming the field', async () => {
    for (const [query, field] of [
      ['academicYear=2019-2021', 'academicYear'],
      ['academicYear=2019', 'academicYear'],
      ['date=2020-13-01', 'date'],
      ['term=q1', 'term'],
    ]) {
      const res = await t.http.get(`/api/v1/periods?${query}`).set(auth(coord));
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it('answers without a token with 401', async () => {
    expect((await t.http.get('/api/v1/periods?academicYear=2019-2020')).status).toBe(401);
  });
});
