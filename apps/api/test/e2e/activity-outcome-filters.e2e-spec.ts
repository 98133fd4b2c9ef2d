import type { Role } from '@socium/domain';

import { directionIds, newActivity, newPlan, orgIds } from './fixtures';
import { bootApp, TestApp } from './harness';

/**
 * Issue 13 item 4: an outcome records the hours held and evidence links (http(s) only); the activities list filters
 * by a period (`from`, `to`) and searches the school's and the partner's names too.
 */
describe('Activity outcomes with hours and the activities list filters', () => {
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
      academicYear: '2023-2024',
      title: 'План итогов',
    });
  });
  afterAll(() => t.close());

  const addActivity = (over: Record<string, unknown> = {}) =>
    newActivity<{ id: string; version: number; hours: number }>(t, planId, {
      title: 'Мастер-класс на заводе',
      directionId: dir['career_guidance'],
      form: 'master_class',
      partnerId: ids['tapart'],
      startsOn: '2023-10-17',
      targetGrades: [9],
      plannedParticipants: 20,
      hours: 2,
      ...over,
    });
  const outcome = async (id: string, body: object) =>
    t.http
      .post(`/api/v1/activities/${id}/outcome`)
      .set(await t.auth('school_admin'))
      .send(body);
  const held = { status: 'held', heldOn: '2023-10-17', actualParticipants: 18, result: 'Провели' };

  it('records the hours held and the evidence links with the outcome', async () => {
    const a = await addActivity();
    const res = await outcome(a.id, {
      ...held,
      hours: 3.5,
      evidenceLinks: ['https://school.example/news/1', 'http://school.example/photo'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'held',
      hours: 3.5,
      actualParticipants: 18,
      evidenceLinks: ['https://school.example/news/1', 'http://school.example/photo'],
    });
  });

  it('keeps the planned hours when the outcome gives none', async () => {
    const a = await addActivity({ startsOn: '2023-10-18' });
    const res = await outcome(a.id, { ...held, heldOn: '2023-10-18' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'held', hours: 2, evidenceLinks: [] });
  });

  it.each([
    ['a javascript: link', { evidenceLinks: ['javascript:alert(1)'] }],
    ['a data: link', { evidenceLinks: ['data:text/html,hi'] }],
    ['negative hours', { hours: -1 }],
    ['too many hours', { hours: 1001 }],
  ])('refuses %s, changing nothing', async (_, over) => {
    const a = await addActivity({ startsOn: '2023-10-19' });
    const res = await outcome(a.id, { ...held, heldOn: '2023-10-19', ...over });
    expect(res.status).toBe(400);
    const after = await t.http.get(`/api/v1/activities/${a.id}`).set(await t.auth('school_admin'));
    expect(after.body).toMatchObject({ status: 'planned', hours: 2, evidenceLinks: [] });
  });

  it('filters by a period: activities with a day inside it', async () => {
    const dec = await addActivity({ title: 'Декабрьская ярмарка', startsOn: '2023-12-04', endsOn: '2023-12-06' });
    const feb = await addActivity({ title: 'Февральская встреча', startsOn: '2024-02-10' });
    const list = async (q: string) =>
      (
        await t.http.get(`/api/v1/activities?academicYear=2023-2024&limit=100&${q}`).set(await t.auth('school_admin'))
      ).body.items.map((a: { id: string }) => a.id) as string[];
    const december = await list('from=2023-12-05&to=2023-12-31');
    expect(december).toContain(dec.id);
    expect(december).not.toContain(feb.id);
    const fromJanuary = await list('from=2024-01-01');
    expect(fromJanuary).toContain(feb.id);
    expect(fromJanuary).not.toContain(dec.id);
    const upToNovember = await list('to=2023-11-30');
    expect(upToNovember).not.toContain(dec.id);
    expect(upToNovember).not.toContain(feb.id);
    const bad = await t.http.get('/api/v1/activities?from=2023-13-01').set(await t.auth('school_admin'));
    expect(bad.status).toBe(400);
  });

  it('searches the partner’s and the school’s names, listing each activity once', async () => {
    const a = await addActivity({ title: 'Встреча с инженером', startsOn: '2024-03-12' });
    const search = async (q: string, role: Role = 'school_admin') =>
      (
        await t.http
          .get(`/api/v1/activities?academicYear=2023-2024&limit=100&q=${encodeURIComponent(q)}`)
          .set(await t.auth(role))
      ).body.items.map((x: { id: string }) => x.id) as string[];
    for (const [q, role] of [
      ['Тапарт', 'school_admin'],
      ['гимназ', 'coordinator'],
      ['гимназ', 'partner_rep'],
    ] as const) {
      const found = await search(q, role);
      expect(found).toContain(a.id);
      expect(new Set(found).size).toBe(found.length);
    }
    expect(await search('нет такого названия')).toEqual([]);
  });
});
