import { OrganisationRecord } from '@socium/api-persistence';

import { orgIds } from './fixtures';
import { bootApp, TestApp } from './harness';

/** A lawful summer job: a 16-year-old through the employment centre, Mon–Fri 09:00–15:00, 6 h a day, 30 h a week. */
const lawful = (schoolId: string, employerId: string, over: Record<string, unknown> = {}) => ({
  schoolId,
  employerId,
  channel: 'employment_centre',
  kind: 'employment_contract',
  jobTitle: 'Подсобный рабочий благоустройства',
  studentCode: 'URS-2020-017',
  studentBirthDate: '2004-03-10',
  studentSex: 'male',
  startsOn: '2020-06-15',
  endsOn: '2020-07-10',
  workDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  shiftStartsAt: '09:00',
  shiftEndsAt: '15:00',
  hoursPerDay: 6,
  hoursPerWeek: 30,
  medicalClearanceOn: '2020-06-01',
  ...over,
});

describe('Labour API: labour-market needs and student placements', () => {
  let t: TestApp;
  let coord: string;
  let school: string;
  let partner: string;
  let ids: Record<string, string> = {};
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await bootApp();
    coord = await t.as('coordinator');
    school = await t.as('school_admin');
    partner = await t.as('partner_rep');
    ids = await orgIds(t);
    ids['department'] = (await t.orm.em.fork().findOneOrFail(OrganisationRecord, { kind: 'department' })).id;
    const create = async (body: Record<string, unknown>) =>
      (await t.http.post('/api/v1/organisations').set(auth(coord)).send(body)).body.id as string;
    ids['other-school'] = await create({
      kind: 'school',
      name: 'МБОУ «Ютазинская СОШ» (тест)',
      shortName: 'Ютазинская СОШ',
      slug: 'lab-other-school',
    });
    ids['czn'] = await create({
      kind: 'partner',
      partnerType: 'employment_centre',
      name: 'Центр занятости (тест)',
      shortName: 'ЦЗН',
      slug: 'lab-czn',
    });
  });
  afterAll(() => t.close());

  describe('labour-market needs', () => {
    it('lets the coordinator record a need and everyone read and filter it', async () => {
      const created = await t.http.post('/api/v1/labour-needs').set(auth(coord)).send({
        profession: 'Оператор станков с ЧПУ',
        sector: 'Промышленность',
        demand: 4,
        academicYear: '2019-2020',
        source: 'ЦЗН Ютазинского района',
        employerId: ids['tapart'],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        profession: 'Оператор станков с ЧПУ',
        demand: 4,
        employerId: ids['tapart'],
        version: 1,
      });
      await t.http
        .post('/api/v1/labour-needs')
        .set(auth(coord))
        .send({ profession: 'Повар', sector: 'Общепит', demand: 2, academicYear: '2020-2021' });
      const byYear = await t.http.get('/api/v1/labour-needs?academicYear=2019-2020&q=ЧПУ').set(auth(partner));
      expect(byYear.status).toBe(200);
      expect(byYear.body.items.map((n: { id: string }) => n.id)).toContain(created.body.id);
      expect(byYear.body.items.every((n: { academicYear: string }) => n.academicYear === '2019-2020')).toBe(true);
      const bySector = await t.http.get('/api/v1/labour-needs?sector=Общепит').set(auth(school));
      expect(bySector.body.items.every((n: { sector: string }) => n.sector === 'Общепит')).toBe(true);
      expect(
        (await t.http.get(`/api/v1/labour-needs?employerId=${ids['tapart']}`).set(auth(school))).body.total,
      ).toBeGreaterThanOrEqual(1);
    });

    it('refuses an employer that is not a partner organisation with 422 labour-need.employer.invalid', async () => {
      const res = await t.http.post('/api/v1/labour-needs').set(auth(coord)).send({
        profession: 'Учитель',
        sector: 'Образование',
        demand: 1,
        academicYear: '2019-2020',
        employerId: ids['urussu-gymnasium'],
      });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        rule: 'labour-need.employer.invalid',
        details: [expect.objectContaining({ field: 'employerId' })],
      });
    });

    it('updates with the current version, answers a stale one with 409 and deletes with 204', async () => {
      const created = await t.http
        .post('/api/v1/labour-needs')
        .set(auth(coord))
        .send({ profession: 'Электромонтёр', sector: 'Энергетика', demand: 1, academicYear: '2019-2020' });
      const patched = await t.http
        .patch(`/api/v1/labour-needs/${created.body.id}`)
        .set(auth(coord))
        .send({ version: 1, demand: 5 });
      expect(patched.body).toMatchObject({ demand: 5, version: 2 });
      expect(
        (await t.http.patch(`/api/v1/labour-needs/${created.body.id}`).set(auth(coord)).send({ version: 1, demand: 6 }))
          .status,
      ).toBe(409);
      expect((await t.http.delete(`/api/v1/labour-needs/${created.body.id}`).set(auth(coord))).status).toBe(204);
      expect((await t.http.get(`/api/v1/labour-needs/${created.body.id}`).set(auth(coord))).status).toBe(404);
    });

    it('rejects a bad academic year, a zero demand and an unknown field with 400; non-coordinators get 403', async () => {
      const bad = await t.http
        .post('/api/v1/labour-needs')
        .set(auth(coord))
        .send({ profession: 'X', sector: 'Y', demand: 0, academicYear: '2019-2021', salary: 1 });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(
        expect.arrayContaining(['demand', 'academicYear', 'salary']),
      );
      expect(
        (
          await t.http
            .post('/api/v1/labour-needs')
            .set(auth(school))
            .send({ profession: 'X', sector: 'Y', demand: 1, academicYear: '2019-2020' })
        ).status,
      ).toBe(403);
    });
  });

  describe('placements', () => {
    it('accepts a lawful summer placement of a 16-year-old through the employment centre with 201', async () => {
      const res = await t.http
        .post('/api/v1/placements')
        .set(auth(school))
        .send(lawful(ids['urussu-gymnasium'] as string, ids['tapart'] as string));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        studentCode: 'URS-2020-017',
        kind: 'employment_contract',
        harmful: false,
        parentConsent: false,
        loadMode: 'constant',
        version: 1,
      });
      expect(res.body).not.toHaveProperty('studentName');
      expect(res.body).not.toHaveProperty('findingsCount');
    });

    it('refuses a 13-year-old at night in a harmful job with 422 and every finding, storing nothing', async () => {
      const before = (await t.http.get('/api/v1/placements').set(auth(coord))).body.total;
      const res = await t.http
        .post('/api/v1/placements')
        .set(auth(coord))
        .send(
          lawful(ids['urussu-gymnasium'] as string, ids['tapart'] as string, {
            studentCode: 'URS-13-NIGHT',
            studentBirthDate: '2007-01-20',
            harmful: true,
            shiftStartsAt: '20:00',
            shiftEndsAt: '23:30',
            hoursPerDay: 3.5,
            hoursPerWeek: 17.5,
            channel: 'direct',
          }),
        );
      expect(res.status).toBe(422);
      expect(res.body.details.length).toBeGreaterThanOrEqual(3);
      const rules = res.body.details.map((d: { rule: string }) => d.rule);
      expect(rules).toEqual(
        expect.arrayContaining(['placement.age.under-14', 'placement.night-work', 'placement.prohibited-work']),
      );
      expect(res.body.rule).toBe(rules[0]);
      for (const d of res.body.details)
        expect(d).toEqual({ rule: expect.any(String), message: expect.any(String), field: expect.any(String) });
      expect((await t.http.get('/api/v1/placements').set(auth(coord))).body.total).toBe(before);
    });

    it('answers in English on request and checks term-time hours on the placement’s own dates', async () => {
      // a 15-year-old in term time (October): at most 12 h a week; 20 h breaks the halved limit
      const res = await t.http
        .post('/api/v1/placements?lang=en')
        .set(auth(coord))
        .send(
          lawful(ids['urussu-gymnasium'] as string, ids['tapart'] as string, {
            studentBirthDate: '2005-05-01',
            hasGeneralEducation: true,
            startsOn: '2020-10-05',
            endsOn: '2020-10-23',
            hoursPerDay: 4,
            hoursPerWeek: 20,
            shiftStartsAt: '14:00',
            shiftEndsAt: '18:00',
            medicalClearanceOn: '2020-09-30',
          }),
        );
      expect(res.status).toBe(422);
      expect(res.body.details.map((d: { rule: string }) => d.rule)).toContain('placement.hours.weekly');
      expect(res.body.message).toMatch(/[a-z]/i);
    });

    it('uses the Tatarstan calendar: Republic Day moved to Monday 31 Aug 2020 is a non-working holiday', async () => {
      const res = await t.http
        .post('/api/v1/placements')
        .set(auth(coord))
        .send(
          lawful(ids['urussu-gymnasium'] as string, ids['tapart'] as string, {
            startsOn: '2020-08-24',
            endsOn: '2020-08-31',
            medicalClearanceOn: '2020-08-20',
          }),
        );
      expect(res.status).toBe(422);
      expect(res.body.details).toEqual([
        expect.objectContaining({ rule: 'placement.holiday-work', field: 'workDays' }),
      ]);
      expect(res.body.details[0].message).toContain('31.08.2020');
      const shorter = await t.http
        .post('/api/v1/placements')
        .set(auth(coord))
        .send(
          lawful(ids['urussu-gymnasium'] as string, ids['tapart'] as string, {
            startsOn: '2020-08-24',
            endsOn: '2020-08-28',
            medicalClearanceOn: '2020-08-20',
          }),
        );
      expect(shorter.status).toBe(201);
    });

    it('does not check volunteering against the Labour Code', async () => {
      const res = await t.http
        .post('/api/v1/placements')
        .set(auth(coord))
        .send(
          lawful(ids['urussu-gymnasium'] as string, ids['czn'] as string, {
            kind: 'volunteering',
            channel: 'school_brigade',
            studentCode: 'VOL-13',
            studentBirthDate: '2007-01-20',
            medicalClearanceOn: null,
          }),
        );
      expect(res.status).toBe(201);
    });

    it('refuses a school that is not a school and an employer that is not a partner with 422', async () => {
      const notSchool = await t.http
        .post('/api/v1/placements')
        .set(auth(coord))
        .send(lawful(ids['tapart'] as string, ids['tapart'] as string));
      expect(notSchool.status).toBe(422);
      expect(notSchool.body).toMatchObject({
        rule: 'placement.school.invalid',
        details: [expect.objectContaining({ field: 'schoolId' })],
      });
      const notPartner = await t.http
        .post('/api/v1/placements')
        .set(auth(coord))
        .send(lawful(ids['urussu-gymnasium'] as string, ids['department'] as string));
      expect(notPartner.status).toBe(422);
      expect(notPartner.body.rule).toBe('placement.employer.invalid');
      const missing = await t.http
        .post('/api/v1/placements')
        .set(auth(coord))
        .send(lawful('no-such-school', ids['tapart'] as string));
      expect(missing.status).toBe(422);
    });

    it('rejects wrong types, a bad date, a bad time and unknown fields with 400 naming the fields', async () => {
      const res = await t.http
        .post('/api/v1/placements')
        .set(auth(coord))
        .send(
          lawful(ids['urussu-gymnasium'] as string, ids['tapart'] as string, {
            hoursPerDay: 'six',
            startsOn: '2020-02-30',
            shiftEndsAt: '25:00',
            studentName: 'Иван Иванов',
            workDays: ['monday'],
          }),
        );
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(
        expect.arrayContaining(['hoursPerDay', 'startsOn', 'shiftEndsAt', 'studentName', 'workDays.0']),
      );
      expect(JSON.stringify(res.body)).not.toContain('Иван');
    });

    it('hides another school’s placement from a school admin with 404 and keeps it out of their list', async () => {
      const other = await t.http
        .post('/api/v1/placements')
        .set(auth(coord))
        .send(lawful(ids['other-school'] as string, ids['czn'] as string, { studentCode: 'YUT-001' }));
      expect(other.status).toBe(201);
      expect((await t.http.get(`/api/v1/placements/${other.body.id}`).set(auth(school))).status).toBe(404);
      expect(
        (
          await t.http
            .patch(`/api/v1/placements/${other.body.id}`)
            .set(auth(school))
            .send({ version: 1, jobTitle: 'X' })
        ).status,
      ).toBe(404);
      expect((await t.http.delete(`/api/v1/placements/${other.body.id}`).set(auth(school))).status).toBe(404);
      const mine = await t.http.get(`/api/v1/placements?limit=100&schoolId=${ids['other-school']}`).set(auth(school));
      expect(mine.body.total).toBe(0);
      const all = await t.http.get('/api/v1/placements?limit=100').set(auth(school));
      expect(all.body.items.every((p: { schoolId: string }) => p.schoolId === ids['urussu-gymnasium'])).toBe(true);
    });

    it('does not let a school admin create a placement for another school', async () => {
      const res = await t.http
        .post('/api/v1/placements')
        .set(auth(school))
        .send(lawful(ids['other-school'] as string, ids['tapart'] as string));
      expect(res.status).toBe(403);
    });

    it('lets a partner read only the placements where it is the employer, and never write', async () => {
      const theirs = await t.http.get('/api/v1/placements?limit=100').set(auth(partner));
      expect(theirs.status).toBe(200);
      expect(theirs.body.total).toBeGreaterThanOrEqual(1);
      expect(theirs.body.items.every((p: { employerId: string }) => p.employerId === ids['tapart'])).toBe(true);
      const foreign = await t.http.get(`/api/v1/placements?employerId=${ids['czn']}`).set(auth(coord));
      expect((await t.http.get(`/api/v1/placements/${foreign.body.items[0].id}`).set(auth(partner))).status).toBe(404);
      expect(
        (
          await t.http
            .post('/api/v1/placements')
            .set(auth(partner))
            .send(lawful(ids['urussu-gymnasium'] as string, ids['tapart'] as string))
        ).status,
      ).toBe(403);
    });

    it('filters by channel, kind, start dates and text', async () => {
      const q = async (query: string) =>
        (await t.http.get(`/api/v1/placements?limit=100&${query}`).set(auth(coord))).body.items as {
          channel: string;
          kind: string;
          startsOn: string;
          studentCode: string;
        }[];
      expect((await q('channel=school_brigade')).every((p) => p.channel === 'school_brigade')).toBe(true);
      expect((await q('kind=volunteering')).map((p) => p.studentCode)).toEqual(['VOL-13']);
      expect((await q('from=2020-06-15&to=2020-06-15')).every((p) => p.startsOn === '2020-06-15')).toBe(true);
      expect(await q('from=2030-01-01')).toHaveLength(0);
      expect((await q('q=yut-0')).map((p) => p.studentCode)).toEqual(['YUT-001']);
      expect((await t.http.get('/api/v1/placements?channel=taxi').set(auth(coord))).status).toBe(400);
    });

    it('updates with the current version, answers a stale PATCH with 409, and re-checks the Labour Code', async () => {
      const created = await t.http
        .post('/api/v1/placements')
        .set(auth(school))
        .send(lawful(ids['urussu-gymnasium'] as string, ids['tapart'] as string, { studentCode: 'URS-PATCH' }));
      const ok = await t.http
        .patch(`/api/v1/placements/${created.body.id}`)
        .set(auth(school))
        .send({ version: 1, jobTitle: 'Помощник садовника' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ jobTitle: 'Помощник садовника', version: 2 });
      const stale = await t.http
        .patch(`/api/v1/placements/${created.body.id}`)
        .set(auth(school))
        .send({ version: 1, jobTitle: 'X' });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(2);
      const night = await t.http
        .patch(`/api/v1/placements/${created.body.id}`)
        .set(auth(school))
        .send({ version: 2, shiftStartsAt: '22:00', shiftEndsAt: '23:30', hoursPerDay: 1.5, hoursPerWeek: 7.5 });
      expect(night.status).toBe(422);
      expect(night.body.rule).toBe('placement.night-work');
      const after = await t.http.get(`/api/v1/placements/${created.body.id}`).set(auth(school));
      expect(after.body).toMatchObject({ version: 2, shiftStartsAt: '09:00' });
      const moved = await t.http
        .patch(`/api/v1/placements/${created.body.id}`)
        .set(auth(school))
        .send({ version: 2, schoolId: ids['other-school'] });
      expect(moved.status).toBe(403);
      expect((await t.http.delete(`/api/v1/placements/${created.body.id}`).set(auth(school))).status).toBe(204);
    });

    it('audits placements with the pseudonymous code only', async () => {
      const audit = await t.http.get('/api/v1/audit?objectType=placement&limit=100').set(auth(coord));
      expect(audit.body.total).toBeGreaterThanOrEqual(4);
    });

    it('answers without a token with 401', async () => {
      expect((await t.http.get('/api/v1/placements')).status).toBe(401);
      expect((await t.http.get('/api/v1/labour-needs')).status).toBe(401);
    });
  });
});
