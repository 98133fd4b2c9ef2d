import { orgIds } from './fixtures';
import { bootApp, TestApp } from './harness';

describe('Enrolment API: pupils of a school per grade and age band in an academic year', () => {
  let t: TestApp;
  let coord: string;
  let school: string;
  let partner: string;
  let ids: Record<string, string> = {};
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const body = (organisationId: string, academicYear: string, over: Record<string, unknown> = {}) => ({
    organisationId,
    academicYear,
    pupilsByGrade: { '1': 30, '5': 25, '9': 20, '10': 12, '11': 10 },
    aged14: 21,
    aged15: 19,
    aged16to17: 24,
    ...over,
  });

  beforeAll(async () => {
    t = await bootApp();
    coord = await t.as('coordinator');
    school = await t.as('school_admin');
    partner = await t.as('partner_rep');
    ids = await orgIds(t);
  });
  afterAll(() => t.close());

  it('creates, reads, changes with the current version and deletes a school’s enrolment', async () => {
    const created = await t.http
      .post('/api/v1/enrolment')
      .set(auth(coord))
      .send(body(ids['yutaza-school'] as string, '2019-2020'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      organisationId: ids['yutaza-school'],
      academicYear: '2019-2020',
      pupilsByGrade: { '1': 30, '5': 25, '9': 20, '10': 12, '11': 10 },
      aged14: 21,
      aged15: 19,
      aged16to17: 24,
      total: 97,
      version: 1,
    });
    const id = created.body.id as string;
    expect((await t.http.get(`/api/v1/enrolment/${id}`).set(auth(coord))).body.total).toBe(97);

    const changed = await t.http
      .patch(`/api/v1/enrolment/${id}`)
      .set(auth(coord))
      .send({ version: 1, pupilsByGrade: { '1': 31, '2': 28 }, aged15: 18 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      pupilsByGrade: { '1': 31, '2': 28, '5': 25, '9': 20, '10': 12, '11': 10 },
      aged15: 18,
      total: 126,
      version: 2,
    });
    const stale = await t.http.patch(`/api/v1/enrolment/${id}`).set(auth(coord)).send({ version: 1, aged14: 1 });
    expect([stale.status, stale.body.rule]).toEqual([409, 'version.stale']);

    const listed = await t.http
      .get(`/api/v1/enrolment?academicYear=2019-2020&organisationId=${ids['yutaza-school']}`)
      .set(auth(coord));
    expect(listed.body).toMatchObject({ total: 1, items: [{ id }] });

    expect((await t.http.delete(`/api/v1/enrolment/${id}`).set(auth(coord))).status).toBe(204);
    expect((await t.http.get(`/api/v1/enrolment/${id}`).set(auth(coord))).status).toBe(404);
  });

  it('keeps one record per school and academic year (409 enrolment.duplicate)', async () => {
    const first = await t.http
      .post('/api/v1/enrolment')
      .set(auth(coord))
      .send(body(ids['bayryaka-school'] as string, '2020-2021'));
    expect(first.status).toBe(201);
    const again = await t.http
      .post('/api/v1/enrolment')
      .set(auth(coord))
      .send(body(ids['bayryaka-school'] as string, '2020-2021'));
    expect([again.status, again.body.rule]).toEqual([409, 'enrolment.duplicate']);
  });

  it('refuses a partner organisation (422), a grade outside 1–11 and a count outside 0–100000 (400)', async () => {
    const notSchool = await t.http
      .post('/api/v1/enrolment')
      .set(auth(coord))
      .send(body(ids['tapart'] as string, '2020-2021'));
    expect([notSchool.status, notSchool.body.rule]).toEqual([422, 'enrolment.organisation.not-school']);
    for (const over of [
      { pupilsByGrade: { '12': 3 } },
      { pupilsByGrade: { '0': 3 } },
      { aged14: -1 },
      { aged15: 100001 },
      { aged16to17: 2.5 },
    ]) {
      const res = await t.http
        .post('/api/v1/enrolment')
        .set(auth(coord))
        .send(body(ids['karakashly-school'] as string, '2021-2022', over));
      expect(res.status).toBe(400);
      expect(res.body.details?.length).toBeGreaterThan(0);
    }
    const inRange = await t.http
      .post('/api/v1/enrolment')
      .set(auth(coord))
      .send(body(ids['karakashly-school'] as string, '2021-2022', { aged15: 100000, aged14: 0 }));
    expect(inRange.status).toBe(201);
  });

  it('lets a school administrator keep only its own school’s enrolment, and a partner none', async () => {
    const own = await t.http
      .post('/api/v1/enrolment')
      .set(auth(school))
      .send(body(ids['urussu-gymnasium'] as string, '2022-2023'));
    expect(own.status).toBe(201);
    const foreign = await t.http
      .post('/api/v1/enrolment')
      .set(auth(school))
      .send(body(ids['yutaza-school'] as string, '2022-2023'));
    expect([foreign.status, foreign.body.rule]).toEqual([403, 'enrolment.school.not-yours']);
    const other = await t.http
      .post('/api/v1/enrolment')
      .set(auth(coord))
      .send(body(ids['yutaza-school'] as string, '2022-2023'));
    expect(other.status).toBe(201);

    const mine = await t.http.get('/api/v1/enrolment?academicYear=2022-2023').set(auth(school));
    expect(mine.body.items.map((e: { organisationId: string }) => e.organisationId)).toEqual([ids['urussu-gymnasium']]);
    const asked = await t.http.get(`/api/v1/enrolment?organisationId=${ids['yutaza-school']}`).set(auth(school));
    expect(asked.body.total).toBe(0);
    expect((await t.http.get(`/api/v1/enrolment/${other.body.id}`).set(auth(school))).status).toBe(404);
    expect(
      (await t.http.patch(`/api/v1/enrolment/${other.body.id}`).set(auth(school)).send({ version: 1, aged14: 1 }))
        .status,
    ).toBe(404);
    expect((await t.http.get('/api/v1/enrolment').set(auth(partner))).status).toBe(403);
    expect((await t.http.get(`/api/v1/enrolment/${own.body.id}`).set(auth(partner))).status).toBe(403);
  });
});
