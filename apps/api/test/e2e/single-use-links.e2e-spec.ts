import { SingleUseLinkRecord } from '@socium/api-persistence';

import { directionIds, newActivity, newPlan, ok, orgIds } from './fixtures';
import { bootApp, TestApp } from './harness';

/** Issue 15 item 3: a partner without an account confirms or acknowledges through a single-use link. */
describe('Single-use links for organisations without an account', () => {
  let t: TestApp;
  let coord: string;
  let admin: string;
  let ids: Record<string, string> = {};
  let dir: Record<string, string> = {};
  let planId = '';

  const post = (path: string, body: object, token = coord) =>
    t.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body);
  const tokenOf = (url: string) => url.split('/link/')[1] as string;
  const activity = (over: Record<string, unknown> = {}) =>
    newActivity(t, planId, {
      title: 'День открытых дверей на заводе «Тапарт»',
      directionId: dir['career_guidance'],
      form: 'excursion',
      partnerId: ids['tapart'],
      startsOn: '2042-10-15',
      venue: 'Завод',
      targetGrades: [9],
      plannedParticipants: 20,
      hours: 2,
      ...over,
    });

  beforeAll(async () => {
    t = await bootApp({ SOCIUM_PUBLIC_URL: 'https://socium.example.ru' });
    coord = await t.as('coordinator');
    admin = await t.as('school_admin');
    ids = await orgIds(t);
    dir = await directionIds(t);
    planId = await newPlan(t, { organisationId: ids['urussu-gymnasium'], academicYear: '2042-2043' });
  });
  afterAll(() => t.close());

  it('lets the partner confirm an activity once through the page the link opens, audited, without logging in', async () => {
    const a = await activity();
    const link = ok(await post('/links', { purpose: 'activity.confirm', objectId: a.id }, admin), 201, 'link');
    expect(link.url).toMatch(/^https:\/\/socium\.example\.ru\/link\/[A-Za-z0-9_-]{43}$/);
    expect(link.emailedTo).toBeNull();
    const token = tokenOf(link.url);

    const described = ok(await t.http.get(`/api/v1/links/${token}`), 200, 'describe');
    expect(described).toMatchObject({ purpose: 'activity.confirm', startsOn: '2042-10-15', number: null });
    expect(described.organisationName).toContain('Тапарт');
    const page = await t.http.get(`/link/${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Подтвердить участие');
    expect(page.text).toContain(`action="/link/${token}?lang=ru"`);

    const done = await t.http.post(`/link/${token}`).type('form').send({ comment: 'Ждём к 10:00' });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Спасибо');
    const seen = ok(
      await t.http.get(`/api/v1/activities/${a.id}`).set('Authorization', `Bearer ${admin}`),
      200,
      'activity',
    );
    expect(seen).toMatchObject({ partnerComment: 'Ждём к 10:00' });
    expect(seen.partnerConfirmedAt).toEqual(expect.any(String));
    const audit = ok(
      await t.http.get(`/api/v1/audit?objectId=${a.id}&limit=100`).set('Authorization', `Bearer ${coord}`),
      200,
      'audit',
    );
    expect(audit.items.find((x: { action: string }) => x.action === 'confirm')).toMatchObject({ userId: null });

    const again = await t.http.post(`/api/v1/links/${token}`).send({});
    expect(again.status).toBe(422);
    expect(again.body.rule).toBe('link.used');
    const againPage = await t.http.post(`/link/${token}`).type('form').send({});
    expect(againPage.status).toBe(422);
    expect(againPage.text).toContain('Ссылка уже использована');
  });

  it('refuses a tampered token (404) and an expired one (422)', async () => {
    const a = await activity({ startsOn: '2042-11-20' });
    const token = tokenOf(
      ok(await post('/links', { purpose: 'activity.confirm', objectId: a.id }, admin), 201, 'link').url,
    );
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const wrong = await t.http.get(`/api/v1/links/${tampered}`);
    expect(wrong.status).toBe(404);
    expect(wrong.body.rule).toBe('link.not-found');
    expect((await t.http.get('/api/v1/links/short')).status).toBe(404);

    const em = t.orm.em.fork();
    await em.nativeUpdate(SingleUseLinkRecord, { objectId: a.id }, { expiresAt: '2020-01-01T00:00:00.000Z' });
    const expired = await t.http.post(`/api/v1/links/${token}`).send({});
    expect(expired.status).toBe(422);
    expect(expired.body.rule).toBe('link.expired');
    const still = ok(
      await t.http.get(`/api/v1/activities/${a.id}`).set('Authorization', `Bearer ${admin}`),
      200,
      'activity',
    );
    expect(still.partnerConfirmedAt).toBeNull();
  });

  it('lets a recipient acknowledge a document through a link the coordinator made', async () => {
    const doc = ok(
      await post('/documents', { number: 'Л-1', title: 'О летней занятости', issuedOn: '2026-11-20' }),
      201,
      'doc',
    );
    ok(await post(`/documents/${doc.id}/send`, { recipientIds: [ids['tapart'] as string] }), 200, 'send');
    expect((await post('/links', { purpose: 'document.acknowledge', objectId: doc.id }, admin)).status).toBe(403);
    const notRecipient = await post('/links', {
      purpose: 'document.acknowledge',
      objectId: doc.id,
      organisationId: ids['urussu-gymnasium'],
    });
    expect(notRecipient.status).toBe(422);
    expect(notRecipient.body.rule).toBe('link.target.invalid');
    const link = ok(
      await post('/links', { purpose: 'document.acknowledge', objectId: doc.id, organisationId: ids['tapart'] }),
      201,
      'link',
    );
    ok(await t.http.post(`/api/v1/links/${tokenOf(link.url)}`).send({ comment: 'Ознакомлены' }), 200, 'use');
    const recipients = ok(
      await t.http.get(`/api/v1/documents/${doc.id}/recipients`).set('Authorization', `Bearer ${coord}`),
      200,
      'recipients',
    );
    expect(recipients.items[0]).toMatchObject({ organisationId: ids['tapart'], state: 'acknowledged' });
  });

  it('refuses a link for an activity without a partner', async () => {
    const a = await activity({ partnerId: null, startsOn: '2042-12-01' });
    const res = await post('/links', { purpose: 'activity.confirm', objectId: a.id }, admin);
    expect(res.status).toBe(422);
    expect(res.body.rule).toBe('link.target.invalid');
  });
});
