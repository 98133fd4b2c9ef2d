import type { Response } from 'supertest';

import { bootApp, TestApp } from './harness';

describe('Documents API', () => {
  let t: TestApp;
  let coord: string;
  let admin: string;
  let partner: string;
  let gymnasiumId: string;
  let tapartId: string;

  const ok = (res: Response, status: number, what: string) => {
    if (res.status !== status)
      throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const get = (path: string, token = coord) => t.http.get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const post = (path: string, body: object, token = coord) =>
    t.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body);
  const patch = (path: string, body: object, token = coord) =>
    t.http.patch(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body);
  const create = async (extra: object = {}) =>
    ok(
      await post('/documents', {
        number: `Д-${Math.random().toString(36).slice(2, 8)}`,
        title: 'Письмо о совместных планах',
        issuedOn: '2020-02-12',
        dueOn: '2020-03-02',
        ...extra,
      }),
      201,
      'create',
    );

  beforeAll(async () => {
    t = await bootApp();
    t.clock.pin('2020-02-14');
    coord = await t.as('coordinator');
    admin = await t.as('school_admin');
    partner = await t.as('partner_rep');
    const orgs = ok(await get('/organisations?limit=100'), 200, 'orgs').items as { id: string; slug: string }[];
    gymnasiumId = (orgs.find((o) => o.slug === 'urussu-gymnasium') as { id: string }).id;
    tapartId = (orgs.find((o) => o.slug === 'tapart') as { id: string }).id;
  });
  afterAll(() => {
    t.clock.pin('2026-11-28');
    return t.close();
  });

  it('sends a document, the school admin acknowledges it, and the recipients show it acknowledged', async () => {
    const doc = await create();
    expect(doc).toMatchObject({ version: 1, recipientsCount: 0, acknowledgedCount: 0, isPublic: false, summary: '' });
    const sent = ok(await post(`/documents/${doc.id}/send`, { recipientIds: [gymnasiumId, tapartId] }), 200, 'send');
    expect(sent.total).toBe(2);
    expect(sent.items.map((r: { state: string }) => r.state)).toEqual(['sent', 'sent']);
    expect(sent.items[0]).toMatchObject({
      sentOn: '2020-02-14',
      receivedOn: null,
      acknowledgedOn: null,
      overdue: false,
    });
    expect(typeof sent.items[0].organisationName).toBe('string');

    const received = ok(await post(`/documents/${doc.id}/receive`, {}, admin), 200, 'receive');
    expect(received).toMatchObject({ organisationId: gymnasiumId, state: 'received', receivedOn: '2020-02-14' });
    const ack = ok(await post(`/documents/${doc.id}/acknowledge`, {}, admin), 200, 'acknowledge');
    expect(ack).toMatchObject({
      organisationId: gymnasiumId,
      state: 'acknowledged',
      acknowledgedOn: '2020-02-14',
      overdue: false,
    });

    const all = ok(await get(`/documents/${doc.id}/recipients`), 200, 'recipients');
    const byOrg = Object.fromEntries(all.items.map((r: { organisationId: string }) => [r.organisationId, r]));
    expect(byOrg[gymnasiumId]).toMatchObject({ state: 'acknowledged', acknowledgedOn: '2020-02-14' });
    expect(byOrg[tapartId]).toMatchObject({ state: 'sent', acknowledgedOn: null });
    expect(ok(await get(`/documents/${doc.id}`), 200, 'read')).toMatchObject({
      recipientsCount: 2,
      acknowledgedCount: 1,
    });

    // a recipient sees only its own row
    const own = ok(await get(`/documents/${doc.id}/recipients`, admin), 200, 'own recipients');
    expect(own).toMatchObject({ total: 1, items: [{ organisationId: gymnasiumId, state: 'acknowledged' }] });

    // every transition is audited
    const audit = ok(await get(`/audit?limit=100`), 200, 'audit').items as { action: string; objectType: string }[];
    expect(audit.map((a) => `${a.objectType}:${a.action}`)).toEqual(
      expect.arrayContaining([
        'document:create',
        'document:send',
        'document_recipient:receive',
        'document_recipient:acknowledge',
      ]),
    );
  });

  it('responds with a comment, and refuses a response without text or going backwards (422 with the rule)', async () => {
    const doc = await create();
    ok(await post(`/documents/${doc.id}/send`, { recipientIds: [gymnasiumId] }), 200, 'send');
    const responded = ok(
      await post(`/documents/${doc.id}/respond`, { response: 'План направлен в отдел образования' }, admin),
      200,
      'respond',
    );
    expect(responded).toMatchObject({
      state: 'responded',
      receivedOn: '2020-02-14',
      acknowledgedOn: '2020-02-14',
      respondedOn: '2020-02-14',
      response: 'План направлен в отдел образования',
    });
    const back = await post(`/documents/${doc.id}/acknowledge`, {}, admin);
    expect(back.status).toBe(422);
    expect(back.body.rule).toBe('document.recipient.transition-invalid');
    const blank = await post(`/documents/${doc.id}/respond`, { response: '' }, admin);
    expect(blank.status).toBe(400);
  });

  it('answers 404 when a non-recipient organisation acknowledges', async () => {
    const doc = await create({ isPublic: true });
    ok(await post(`/documents/${doc.id}/send`, { recipientIds: [gymnasiumId] }), 200, 'send');
    const res = await post(`/documents/${doc.id}/acknowledge`, {}, partner);
    expect(res.status).toBe(404);
    // a public document is readable, but shows the partner no recipient rows
    expect(ok(await get(`/documents/${doc.id}/recipients`, partner), 200, 'public recipients')).toEqual({
      items: [],
      total: 0,
    });
  });

  it('hides a private document from an organisation it was not sent to (404) and lists only its own and public ones', async () => {
    const secret = await create({ title: 'Служебная записка' });
    expect((await get(`/documents/${secret.id}`, partner)).status).toBe(404);
    expect((await get(`/documents/${secret.id}/recipients`, partner)).status).toBe(404);
    const list = ok(await get('/documents?limit=100', partner), 200, 'partner list');
    expect(list.items.map((d: { id: string }) => d.id)).not.toContain(secret.id);
    const sentToPartner = await create({ title: 'Приглашение партнёру' });
    ok(await post(`/documents/${sentToPartner.id}/send`, { recipientIds: [tapartId] }), 200, 'send');
    const after = ok(await get('/documents?limit=100&q=Приглашение', partner), 200, 'partner list 2');
    expect(after.items.map((d: { id: string }) => d.id)).toContain(sentToPartner.id);
  });

  it('marks a recipient overdue once today is after the due date, and filters by overdue', async () => {
    const doc = await create({ number: 'ПРОСР-1', dueOn: '2020-02-20' });
    ok(await post(`/documents/${doc.id}/send`, { recipientIds: [gymnasiumId, tapartId] }), 200, 'send');
    ok(await post(`/documents/${doc.id}/acknowledge`, {}, partner), 200, 'partner acknowledges');
    try {
      t.clock.pin('2020-02-20');
      expect(
        ok(await get(`/documents/${doc.id}/recipients`), 200, 'on the due day').items.every(
          (r: { overdue: boolean }) => !r.overdue,
        ),
      ).toBe(true);
      t.clock.pin('2020-02-21');
      const rows = ok(await get(`/documents/${doc.id}/recipients`), 200, 'after').items as {
        organisationId: string;
        overdue: boolean;
      }[];
      expect(rows.find((r) => r.organisationId === gymnasiumId)?.overdue).toBe(true);
      expect(rows.find((r) => r.organisationId === tapartId)?.overdue).toBe(false);
      const overdue = ok(await get('/documents?overdue=true&q=ПРОСР&limit=100'), 200, 'overdue list');
      expect(overdue.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
      const notOverdue = ok(await get('/documents?overdue=true&q=ПРОСР', partner), 200, 'partner overdue list');
      expect(notOverdue.total).toBe(0);
    } finally {
      t.clock.pin('2020-02-14');
    }
  });

  it('re-sends idempotently and refuses unknown recipients with 422 document.recipients.unknown', async () => {
    const doc = await create();
    ok(await post(`/documents/${doc.id}/send`, { recipientIds: [gymnasiumId] }), 200, 'send');
    ok(await post(`/documents/${doc.id}/acknowledge`, {}, admin), 200, 'ack');
    const again = ok(await post(`/documents/${doc.id}/send`, { recipientIds: [gymnasiumId, tapartId] }), 200, 'resend');
    expect(again.total).toBe(2);
    expect(again.items.find((r: { organisationId: string }) => r.organisationId === gymnasiumId).state).toBe(
      'acknowledged',
    );
    const bad = await post(`/documents/${doc.id}/send`, { recipientIds: [gymnasiumId, 'no-such-org'] });
    expect(bad.status).toBe(422);
    expect(bad.body.rule).toBe('document.recipients.unknown');
    expect(bad.body.details).toEqual([
      expect.objectContaining({ rule: 'document.recipients.unknown', field: 'recipientIds' }),
    ]);
  });

  it('validates input: wrong types and unknown fields 400, due before issue 422, stale version 409, no token 401', async () => {
    const wrong = await post('/documents', { number: 1, title: 'X', issuedOn: '2020-02-30' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['number', 'issuedOn']),
    );
    const unknown = await post('/documents', { number: 'Д-1', title: 'X', issuedOn: '2020-02-12', evil: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'evil', rule: 'field.unknown' })]),
    );
    const due = await post('/documents', { number: 'Д-2', title: 'X', issuedOn: '2020-02-12', dueOn: '2020-02-01' });
    expect(due.status).toBe(422);
    expect(due.body.rule).toBe('document.due.before-issued');
    const doc = await create();
    ok(await patch(`/documents/${doc.id}`, { version: 1, title: 'Новое название' }), 200, 'patch');
    const stale = await patch(`/documents/${doc.id}`, { version: 1, title: 'Ещё' });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    expect((await t.http.get('/api/v1/documents')).status).toBe(401);
    expect((await post('/documents', { number: 'Д-3', title: 'X', issuedOn: '2020-02-12' }, admin)).status).toBe(403);
    expect((await post(`/documents/${doc.id}/acknowledge`, {})).status).toBe(403);
  });

  it('deletes a document with its recipients', async () => {
    const doc = await create();
    ok(await post(`/documents/${doc.id}/send`, { recipientIds: [gymnasiumId] }), 200, 'send');
    expect((await t.http.delete(`/api/v1/documents/${doc.id}`).set('Authorization', `Bearer ${coord}`)).status).toBe(
      204,
    );
    expect((await get(`/documents/${doc.id}`)).status).toBe(404);
    expect((await post(`/documents/${doc.id}/acknowledge`, {}, admin)).status).toBe(404);
  });
});
