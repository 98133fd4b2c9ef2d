import type { Role } from '@socium/domain';

import { directionIds, orgIds } from './fixtures';
import { bootApp, TestApp } from './harness';

describe('Plans and activities API', () => {
  let t: TestApp;
  let ids: Record<string, string> = {};
  let dir: Record<string, string> = {};
  let year = 2000;

  beforeAll(async () => {
    t = await bootApp();
    ids = await orgIds(t);
    dir = await directionIds(t);
  });
  afterEach(() => t.clock.pin('2026-11-28'));
  afterAll(() => t.close());

  /** A fresh academic year per plan keeps plans unique per organisation and year. */
  const nextYear = () => `${++year}-${year + 1}`;
  const createPlan = async (over: Record<string, unknown> = {}, role: Role = 'school_admin') =>
    t.http
      .post('/api/v1/plans')
      .set(await t.auth(role))
      .send({ organisationId: ids['urussu-gymnasium'], academicYear: '2019-2020', title: 'План', ...over });
  const activity = (over: Record<string, unknown> = {}) => ({
    title: 'Экскурсия на завод «Тапарт»',
    directionId: dir['career_guidance'],
    form: 'excursion',
    partnerId: ids['tapart'],
    startsOn: '2019-10-17',
    venue: 'Завод «Тапарт»',
    targetGrades: [8, 9],
    plannedParticipants: 24,
    hours: 3,
    isPublic: true,
    ...over,
  });
  const addActivity = async (planId: string, over: Record<string, unknown> = {}, role: Role = 'school_admin') =>
    t.http
      .post(`/api/v1/plans/${planId}/activities`)
      .set(await t.auth(role))
      .send(activity(over));
  const agreement = async (over: Record<string, unknown> = {}) =>
    t.http
      .post('/api/v1/agreements')
      .set(await t.auth('coordinator'))
      .send({
        number: `П-${Math.random().toString(36).slice(2, 8)}`,
        kind: 'cooperation',
        schoolId: ids['urussu-gymnasium'],
        partnerId: ids['tapart'],
        subject: 'Профориентация',
        goal: 'Самоопределение обучающихся',
        directionIds: [dir['career_guidance']],
        obligations: [
          { party: 'school', text: 'Формировать группы' },
          { party: 'partner', text: 'Проводить экскурсии' },
        ],
        startsOn: '2020-01-01',
        endsOn: '2020-12-31',
        ...over,
      });
  const freshPlan = async () => {
    const res = await createPlan({
      academicYear: '2019-2020',
      agreementId: (await agreement({ startsOn: '2019-09-01', endsOn: '2021-08-31' })).body.id,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  describe('plans', () => {
    it('lets a school admin create a plan of their school for an academic year', async () => {
      const res = await createPlan({ academicYear: nextYear() });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'draft',
        version: 1,
        activitiesCount: 0,
        agreementId: null,
        returnComment: null,
        organisationId: ids['urussu-gymnasium'],
      });
    });

    it('refuses a second plan for the same organisation, year and agreement with 409 plan.duplicate', async () => {
      const y = nextYear();
      expect((await createPlan({ academicYear: y })).status).toBe(201);
      const dup = await createPlan({ academicYear: y });
      expect(dup.status).toBe(409);
      expect(dup.body.rule).toBe('plan.duplicate');
    });

    it('refuses a plan for another school (403), from a partner rep (403) and a malformed year (400)', async () => {
      expect((await createPlan({ organisationId: ids['yutaza-school'], academicYear: nextYear() })).status).toBe(403);
      expect((await createPlan({ academicYear: nextYear() }, 'partner_rep')).status).toBe(403);
      const bad = await createPlan({ academicYear: '2019-2021' });
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('academicYear');
      const unknown = await createPlan({ academicYear: nextYear(), status: 'approved' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'status', rule: 'field.unknown' })]),
      );
    });

    it("refuses another school's agreement and an agreement not in force during the year with 422", async () => {
      const foreign = await agreement({ schoolId: ids['yutaza-school'], partnerId: ids['yutaza-elevator'] });
      const other = await createPlan({ academicYear: '2019-2020', agreementId: foreign.body.id }, 'coordinator');
      expect(other.status).toBe(422);
      expect(other.body.rule).toBe('plan.agreement.other-organisation');
      const later = await agreement({ startsOn: '2021-01-01', endsOn: '2021-12-31' });
      const outside = await createPlan({ academicYear: '2018-2019', agreementId: later.body.id });
      expect(outside.status).toBe(422);
      expect(outside.body.rule).toBe('plan.agreement.outside-year');
    });

    it('moves a plan draft → submitted → approved, the approval by the coordinator only', async () => {
      t.clock.pin('2019-09-20');
      const plan = await createPlan({ academicYear: nextYear() });
      const early = await t.http.post(`/api/v1/plans/${plan.body.id}/approve`).set(await t.auth('coordinator'));
      expect(early.status).toBe(422);
      expect(early.body.rule).toBe('plan.transition.invalid');
      const submitted = await t.http.post(`/api/v1/plans/${plan.body.id}/submit`).set(await t.auth('school_admin'));
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', submittedOn: '2019-09-20', version: 2 });
      expect(
        (await t.http.post(`/api/v1/plans/${plan.body.id}/approve`).set(await t.auth('school_admin'))).status,
      ).toBe(403);
      t.clock.pin('2019-09-25');
      const approved = await t.http.post(`/api/v1/plans/${plan.body.id}/approve`).set(await t.auth('coordinator'));
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', approvedOn: '2019-09-25', version: 3 });
    });

    it('refuses a return without a comment with 400 and returns with a comment', async () => {
      const plan = await createPlan({ academicYear: nextYear() });
      await t.http.post(`/api/v1/plans/${plan.body.id}/submit`).set(await t.auth('school_admin'));
      const none = await t.http
        .post(`/api/v1/plans/${plan.body.id}/return`)
        .set(await t.auth('coordinator'))
        .send({});
      expect(none.status).toBe(400);
      const blank = await t.http
        .post(`/api/v1/plans/${plan.body.id}/return`)
        .set(await t.auth('coordinator'))
        .send({ comment: '   ' });
      expect(blank.status).toBe(400);
      const locked = await t.http
        .patch(`/api/v1/plans/${plan.body.id}`)
        .set(await t.auth('school_admin'))
        .send({ version: 2, title: 'Новый' });
      expect(locked.status).toBe(422);
      expect(locked.body.rule).toBe('plan.edit.locked');
      const returned = await t.http
        .post(`/api/v1/plans/${plan.body.id}/return`)
        .set(await t.auth('coordinator'))
        .send({ comment: 'Добавьте мероприятия по профминимуму' });
      expect(returned.status).toBe(200);
      expect(returned.body).toMatchObject({
        status: 'returned',
        returnComment: 'Добавьте мероприятия по профминимуму',
      });
      const edited = await t.http
        .patch(`/api/v1/plans/${plan.body.id}`)
        .set(await t.auth('school_admin'))
        .send({ version: 3, title: 'Исправленный план' });
      expect(edited.status).toBe(200);
      expect(
        (await t.http.post(`/api/v1/plans/${plan.body.id}/submit`).set(await t.auth('school_admin'))).body.status,
      ).toBe('submitted');
    });

    it("hides another school's plan from a school admin (404) and answers a stale PATCH with 409", async () => {
      const other = await createPlan({ organisationId: ids['yutaza-school'], academicYear: nextYear() }, 'coordinator');
      expect(other.status).toBe(201);
      expect((await t.http.get(`/api/v1/plans/${other.body.id}`).set(await t.auth('school_admin'))).status).toBe(404);
      expect(
        (await t.http.get(`/api/v1/plans/${other.body.id}/activities`).set(await t.auth('school_admin'))).status,
      ).toBe(404);
      expect(
        (await t.http.post(`/api/v1/plans/${other.body.id}/submit`).set(await t.auth('school_admin'))).status,
      ).toBe(404);
      const list = await t.http.get('/api/v1/plans?limit=100').set(await t.auth('school_admin'));
      expect(
        list.body.items.every((p: { organisationId: string }) => p.organisationId === ids['urussu-gymnasium']),
      ).toBe(true);
      const mine = await createPlan({ academicYear: nextYear() });
      expect(
        (
          await t.http
            .patch(`/api/v1/plans/${mine.body.id}`)
            .set(await t.auth('school_admin'))
            .send({ version: 1, title: 'A' })
        ).status,
      ).toBe(200);
      const stale = await t.http
        .patch(`/api/v1/plans/${mine.body.id}`)
        .set(await t.auth('school_admin'))
        .send({ version: 1, title: 'B' });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(2);
    });

    it("shows a partner rep the plans annexed to their agreements and nobody's else", async () => {
      const planId = await freshPlan();
      const own = await t.http.get(`/api/v1/plans/${planId}`).set(await t.auth('partner_rep'));
      expect(own.status).toBe(200);
      const plain = await createPlan({ academicYear: nextYear() });
      expect((await t.http.get(`/api/v1/plans/${plain.body.id}`).set(await t.auth('partner_rep'))).status).toBe(404);
      const list = await t.http.get('/api/v1/plans?limit=100').set(await t.auth('partner_rep'));
      const listed = list.body.items.map((p: { id: string }) => p.id);
      expect(listed).toContain(planId);
      expect(listed).not.toContain(plain.body.id);
    });

    it('deletes a draft plan with its activities', async () => {
      const plan = await createPlan({
        academicYear: '2019-2020',
        title: 'Удаляемый',
        agreementId: (await agreement({ startsOn: '2019-09-01' })).body.id,
      });
      const a = await addActivity(plan.body.id);
      expect(a.status).toBe(201);
      expect((await t.http.delete(`/api/v1/plans/${plan.body.id}`).set(await t.auth('school_admin'))).status).toBe(204);
      expect((await t.http.get(`/api/v1/activities/${a.body.id}`).set(await t.auth('coordinator'))).status).toBe(404);
    });

    it('answers 401 without a token', async () => {
      expect((await t.http.get('/api/v1/plans')).status).toBe(401);
      expect((await t.http.get('/api/v1/activities')).status).toBe(401);
    });
  });

  describe('activities', () => {
    it("adds an activity that takes its organisation and year from the plan and counts in the plan's activitiesCount", async () => {
      const planId = await freshPlan();
      const res = await addActivity(planId);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        planId,
        organisationId: ids['urussu-gymnasium'],
        academicYear: '2019-2020',
        status: 'planned',
        startsOn: '2019-10-17',
        endsOn: '2019-10-17',
        heldOn: null,
      });
      expect((await t.http.get(`/api/v1/plans/${planId}`).set(await t.auth('school_admin'))).body.activitiesCount).toBe(
        1,
      );
      const list = await t.http.get(`/api/v1/plans?limit=100&academicYear=2019-2020`).set(await t.auth('school_admin'));
      expect(list.body.items.find((p: { id: string }) => p.id === planId).activitiesCount).toBe(1);
      const ofPlan = await t.http.get(`/api/v1/plans/${planId}/activities`).set(await t.auth('school_admin'));
      expect(ofPlan.body).toMatchObject({ total: 1, limit: 20, offset: 0 });
    });

    it("refuses an activity outside the plan's academic year with 422 activity.outside-plan-year", async () => {
      const planId = await freshPlan();
      const res = await addActivity(planId, { startsOn: '2020-09-05' });
      expect(res.status).toBe(422);
      expect(res.body.rule).toBe('activity.outside-plan-year');
      expect(res.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ rule: 'activity.outside-plan-year', field: 'startsOn' })]),
      );
    });

    it("refuses an activity outside the agreement's term with 422 activity.outside-agreement-term", async () => {
      const a = await agreement({ startsOn: '2020-01-01', endsOn: '2020-12-31' });
      const plan = await createPlan({ academicYear: '2019-2020', agreementId: a.body.id });
      expect(plan.status).toBe(201);
      const res = await addActivity(plan.body.id, { startsOn: '2019-10-10' });
      expect(res.status).toBe(422);
      expect(res.body.rule).toBe('activity.outside-agreement-term');
      expect((await addActivity(plan.body.id, { startsOn: '2020-02-10' })).status).toBe(201);
    });

    it('refuses wrong types, unknown fields, grades beyond 11, an unknown direction and an end before the start', async () => {
      const planId = await freshPlan();
      const types = await addActivity(planId, { targetGrades: [12], hours: 'three', form: 'party', extra: true });
      expect(types.status).toBe(400);
      const fields = (types.body.details as { field: string }[]).map((d) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['targetGrades.0', 'hours', 'form', 'extra']));
      const dirRes = await addActivity(planId, { directionId: 'nope' });
      expect(dirRes.status).toBe(422);
      expect(dirRes.body.rule).toBe('activity.direction.unknown');
      const ends = await addActivity(planId, { startsOn: '2019-10-17', endsOn: '2019-10-16' });
      expect(ends.status).toBe(422);
      expect(ends.body.rule).toBe('activity.dates.end-before-start');
    });

    it('refuses an outcome held in the future with 422 and records it once the day has come', async () => {
      t.clock.pin('2020-03-01');
      const planId = await freshPlan();
      const a = await addActivity(planId, { startsOn: '2020-03-10' });
      const early = await t.http
        .post(`/api/v1/activities/${a.body.id}/outcome`)
        .set(await t.auth('school_admin'))
        .send({ status: 'held', heldOn: '2020-03-10', actualParticipants: 20, result: 'Проведено' });
      expect(early.status).toBe(422);
      expect(early.body.rule).toBe('activity.held.future-date');
      t.clock.pin('2020-03-15');
      const held = await t.http
        .post(`/api/v1/activities/${a.body.id}/outcome`)
        .set(await t.auth('school_admin'))
        .send({
          status: 'held',
          heldOn: '2020-03-10',
          actualParticipants: 20,
          result: 'Проведено',
          evidenceLinks: ['https://example.org/news/1'],
        });
      expect(held.status).toBe(200);
      expect(held.body).toMatchObject({
        status: 'held',
        heldOn: '2020-03-10',
        actualParticipants: 20,
        result: 'Проведено',
        evidenceLinks: ['https://example.org/news/1'],
        version: 2,
      });
      const again = await t.http
        .post(`/api/v1/activities/${a.body.id}/outcome`)
        .set(await t.auth('school_admin'))
        .send({ status: 'cancelled', reason: 'Поздно' });
      expect(again.status).toBe(422);
      expect(again.body.rule).toBe('activity.outcome.transition-invalid');
      const del = await t.http.delete(`/api/v1/activities/${a.body.id}`).set(await t.auth('school_admin'));
      expect(del.status).toBe(422);
      expect(del.body.rule).toBe('activity.delete.held');
    });

    it('records cancelled and postponed outcomes and refuses a malformed outcome with 400', async () => {
      const planId = await freshPlan();
      const a = await addActivity(planId, { startsOn: '2019-11-10' });
      const bad = await t.http
        .post(`/api/v1/activities/${a.body.id}/outcome`)
        .set(await t.auth('school_admin'))
        .send({ status: 'held', heldOn: '2019-11-10' });
      expect(bad.status).toBe(400);
      const moved = await t.http
        .post(`/api/v1/activities/${a.body.id}/outcome`)
        .set(await t.auth('school_admin'))
        .send({ status: 'postponed', startsOn: '2019-12-01' });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ status: 'postponed', startsOn: '2019-12-01', endsOn: '2019-12-01' });
      const cancelled = await t.http
        .post(`/api/v1/activities/${a.body.id}/outcome`)
        .set(await t.auth('school_admin'))
        .send({ status: 'cancelled', reason: 'Карантин' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Карантин' });
    });

    it('lets the partner rep record the outcome of an activity they take part in, and hides the others', async () => {
      const plan = await createPlan({ academicYear: nextYear(), title: 'Без соглашения' });
      expect(plan.status).toBe(201);
      const planId = plan.body.id as string;
      const theirs = await addActivity(planId, { startsOn: `${year}-10-20` });
      const notTheirs = await addActivity(planId, {
        startsOn: `${year}-10-21`,
        partnerId: ids['rdk-urussu'],
        title: 'Концерт',
      });
      expect(notTheirs.status).toBe(201);
      const ok = await t.http
        .post(`/api/v1/activities/${theirs.body.id}/outcome`)
        .set(await t.auth('partner_rep'))
        .send({ status: 'held', heldOn: `${year}-10-20`, actualParticipants: 22, result: 'Проведена экскурсия' });
      expect(ok.status).toBe(200);
      expect(
        (await t.http.get(`/api/v1/activities/${notTheirs.body.id}`).set(await t.auth('partner_rep'))).status,
      ).toBe(404);
      expect(
        (
          await t.http
            .post(`/api/v1/activities/${notTheirs.body.id}/outcome`)
            .set(await t.auth('partner_rep'))
            .send({ status: 'cancelled', reason: 'x' })
        ).status,
      ).toBe(404);
      expect(
        (
          await t.http
            .patch(`/api/v1/activities/${theirs.body.id}`)
            .set(await t.auth('partner_rep'))
            .send({ version: 2, title: 'x' })
        ).status,
      ).toBe(403);
      const list = await t.http.get('/api/v1/activities?limit=100').set(await t.auth('partner_rep'));
      const listed = list.body.items.map((x: { id: string }) => x.id);
      expect(listed).toContain(theirs.body.id);
      expect(listed).not.toContain(notTheirs.body.id);
    });

    it('keeps taking activities once the plan is approved', async () => {
      const planId = await freshPlan();
      await t.http.post(`/api/v1/plans/${planId}/submit`).set(await t.auth('school_admin'));
      expect((await t.http.post(`/api/v1/plans/${planId}/approve`).set(await t.auth('coordinator'))).status).toBe(200);
      expect((await addActivity(planId, { startsOn: '2020-04-22' })).status).toBe(201);
    });

    it("changes an activity with its version, answers 409 when stale and 404 for another school's", async () => {
      const planId = await freshPlan();
      const a = await addActivity(planId);
      const changed = await t.http
        .patch(`/api/v1/activities/${a.body.id}`)
        .set(await t.auth('school_admin'))
        .send({ version: 1, startsOn: '2019-10-18', venue: 'Цех №2' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ version: 2, startsOn: '2019-10-18', endsOn: '2019-10-18', venue: 'Цех №2' });
      const stale = await t.http
        .patch(`/api/v1/activities/${a.body.id}`)
        .set(await t.auth('school_admin'))
        .send({ version: 1, venue: 'x' });
      expect(stale.status).toBe(409);
      const outside = await t.http
        .patch(`/api/v1/activities/${a.body.id}`)
        .set(await t.auth('school_admin'))
        .send({ version: 2, startsOn: '2021-10-18' });
      expect(outside.status).toBe(422);
      const readOnly = await t.http
        .patch(`/api/v1/activities/${a.body.id}`)
        .set(await t.auth('school_admin'))
        .send({ version: 2, status: 'held' });
      expect(readOnly.status).toBe(400);
      const other = await createPlan({ organisationId: ids['yutaza-school'], academicYear: nextYear() }, 'coordinator');
      const foreign = await addActivity(other.body.id, { startsOn: `${year}-10-10`, partnerId: null }, 'coordinator');
      expect(foreign.status).toBe(201);
      expect((await t.http.get(`/api/v1/activities/${foreign.body.id}`).set(await t.auth('school_admin'))).status).toBe(
        404,
      );
      expect(
        (
          await t.http
            .patch(`/api/v1/activities/${foreign.body.id}`)
            .set(await t.auth('school_admin'))
            .send({ version: 1, venue: 'x' })
        ).status,
      ).toBe(404);
      expect(
        (await t.http.delete(`/api/v1/activities/${foreign.body.id}`).set(await t.auth('school_admin'))).status,
      ).toBe(404);
      expect((await t.http.delete(`/api/v1/activities/${a.body.id}`).set(await t.auth('school_admin'))).status).toBe(
        204,
      );
    });

    it('filters activities by status, form, direction, organisation, year, publicity and text', async () => {
      const planId = await freshPlan();
      const a = await addActivity(planId, {
        title: 'Уникальная ярмарка вакансий',
        form: 'fair',
        directionId: dir['labour_employment'],
        isPublic: false,
        startsOn: '2020-03-12',
      });
      expect(a.status).toBe(201);
      const coord = await t.auth('coordinator');
      const q = (s: string) => t.http.get(`/api/v1/activities?limit=100&${s}`).set(coord);
      const has = async (s: string) => (await q(s)).body.items.map((x: { id: string }) => x.id).includes(a.body.id);
      expect(await has('q=Уникальная')).toBe(true);
      expect(await has('form=fair&status=planned')).toBe(true);
      expect(
        await has(
          `directionId=${dir['labour_employment']}&organisationId=${ids['urussu-gymnasium']}&academicYear=2019-2020`,
        ),
      ).toBe(true);
      expect(await has('isPublic=false')).toBe(true);
      expect(await has('isPublic=true')).toBe(false);
      expect(await has('status=held')).toBe(false);
      expect(await has(`partnerId=${ids['tapart']}`)).toBe(true);
      expect((await q('isPublic=yes')).status).toBe(400);
      const mine = await t.http.get('/api/v1/activities?limit=100').set(await t.auth('school_admin'));
      expect(
        mine.body.items.every((x: { organisationId: string }) => x.organisationId === ids['urussu-gymnasium']),
      ).toBe(true);
    });
  });
});
