import type { Role } from '@socium/domain';

import { directionIds, newActivity, newPlan, orgIds } from './fixtures';
import { bootApp, TestApp } from './harness';

/** `POST /activities/:id/confirm`: the partner representative confirms taking part in an activity (issue 15). */
describe('A partner confirms an activity it takes part in', () => {
  let t: TestApp;
  let ids: Record<string, string> = {};
  let dir: Record<string, string> = {};
  let planId = '';

  beforeAll(async () => {
    t = await bootApp();
    ids = await orgIds(t);
    dir = await directionIds(t);
    planId = await newPlan(t, {
      organisationId: ids['urussu-gymnasium'],
      academicYear: '2040-2041',
      title: 'План подтверждений',
    });
  });
  afterAll(() => t.close());

  const addActivity = (over: Record<string, unknown> = {}) =>
    newActivity<{ id: string; version: number }>(t, planId, {
      title: 'Экскурсия на завод «Тапарт»',
      directionId: dir['career_guidance'],
      form: 'excursion',
      partnerId: ids['tapart'],
      startsOn: '2040-10-17',
      venue: 'Завод «Тапарт»',
      targetGrades: [8, 9],
      plannedParticipants: 24,
      hours: 3,
      ...over,
    });
  const confirm = async (id: string, body?: object, role: Role = 'partner_rep') => {
    const req = t.http.post(`/api/v1/activities/${id}/confirm`).set(await t.auth(role));
    return body === undefined ? req : req.send(body);
  };

  it('records the confirmation with its comment, shows it to the school and writes it to the audit log', async () => {
    const a = await addActivity();
    expect(a).toMatchObject({ partnerConfirmedAt: null, partnerComment: null });
    const res = await confirm(a.id, { comment: 'Ждём группу к 10:00' });
    expect(res.status).toBe(200);
    expect(res.body.partnerConfirmedAt).toEqual(expect.any(String));
    expect(res.body).toMatchObject({ partnerComment: 'Ждём группу к 10:00', version: a.version + 1 });
    const seen = await t.http.get(`/api/v1/activities/${a.id}`).set(await t.auth('school_admin'));
    expect(seen.body).toMatchObject({ partnerComment: 'Ждём группу к 10:00' });
    const audit = await t.http.get(`/api/v1/audit?objectId=${a.id}`).set(await t.auth('coordinator'));
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('confirm');
  });

  it('accepts a confirmation without a body and a second one that changes the comment', async () => {
    const a = await addActivity({ startsOn: '2040-11-10' });
    expect((await confirm(a.id)).status).toBe(200);
    const again = await confirm(a.id, { comment: 'Будет два мастера' });
    expect(again.status).toBe(200);
    expect(again.body.partnerComment).toBe('Будет два мастера');
  });

  it('withdraws the confirmation when the school moves the dates, and keeps it when only the venue changes', async () => {
    const a = await addActivity({ startsOn: '2040-12-01' });
    const confirmed = (await confirm(a.id, { comment: 'Да' })).body;
    const venue = await t.http
      .patch(`/api/v1/activities/${a.id}`)
      .set(await t.auth('school_admin'))
      .send({ version: confirmed.version, venue: 'Цех № 2' });
    expect(venue.body.partnerConfirmedAt).toBe(confirmed.partnerConfirmedAt);
    const moved = await t.http
      .patch(`/api/v1/activities/${a.id}`)
      .set(await t.auth('school_admin'))
      .send({ version: venue.body.version, startsOn: '2040-12-08' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ partnerConfirmedAt: null, partnerComment: null });
  });

  it('refuses a cancelled activity (422), staff (403), another partner’s activity (404) and a bad comment (400)', async () => {
    const a = await addActivity({ startsOn: '2041-02-01' });
    const cancelled = await t.http
      .post(`/api/v1/activities/${a.id}/outcome`)
      .set(await t.auth('school_admin'))
      .send({ status: 'cancelled', reason: 'Карантин' });
    expect(cancelled.status).toBe(200);
    const refused = await confirm(a.id, {});
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('activity.confirm.cancelled');

    const open = await addActivity({ startsOn: '2041-02-02' });
    expect((await confirm(open.id, {}, 'school_admin')).status).toBe(403);
    expect((await confirm(open.id, {}, 'coordinator')).status).toBe(403);
    const other = await addActivity({ startsOn: '2041-02-03', partnerId: ids['rdk-urussu'] });
    expect((await confirm(other.id, {})).status).toBe(404);
    const bad = await confirm(open.id, { comment: 5 });
    expect(bad.status).toBe(400);
    const extra = await confirm(open.id, { comment: 'ok', signedBy: 'x' });
    expect(extra.status).toBe(400);
    const after = await t.http.get(`/api/v1/activities/${open.id}`).set(await t.auth('school_admin'));
    expect(after.body.partnerConfirmedAt).toBeNull();
  });
});
