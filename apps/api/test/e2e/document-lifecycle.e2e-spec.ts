import type { Response } from 'supertest';

import { bootApp, TestApp } from './harness';

/** The whole lifecycle of a mailing (issue 15 item 1), on a fixed clock. */
describe('A document sent to every school, acknowledged by some, overdue for the rest, then issued again', () => {
  let t: TestApp;
  let coord: string;
  let admin: string;
  let schools: { id: string; slug: string }[] = [];
  let gymnasiumId = '';

  const ok = (res: Response, status: number, what: string) => {
    if (res.status !== status)
      throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const get = (path: string, token = coord) => t.http.get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const post = (path: string, body?: object, token = coord) => {
    const req = t.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
    return body === undefined ? req : req.send(body);
  };
  const create = async (extra: object = {}) =>
    ok(
      await post('/documents', {
        number: `Д-${Math.random().toString(36).slice(2, 8)}`,
        title: 'О совместных планах на 2019–2020 учебный год',
        issuedOn: '2020-02-12',
        ...extra,
      }),
      201,
      'create',
    );
  const recipients = async (id: string) =>
    ok(await get(`/documents/${id}/recipients`), 200, 'recipients').items as {
      organisationId: string;
      state: string;
      overdue: boolean;
      revision: number;
      incomingNumber: string | null;
      receivedOn: string | null;
    }[];

  beforeAll(async () => {
    t = await bootApp();
    t.clock.pin('2020-02-12');
    coord = await t.as('coordinator');
    admin = await t.as('school_admin');
    const orgs = ok(await get('/organisations?limit=100'), 200, 'orgs').items as {
      id: string;
      slug: string;
      kind: string;
    }[];
    schools = orgs.filter((o) => o.kind === 'school');
    gymnasiumId = (orgs.find((o) => o.slug === 'urussu-gymnasium') as { id: string }).id;
  });
  afterAll(() => {
    t.clock.pin('2026-11-28');
    return t.close();
  });

  it('counts a due date of ten working days on the district calendar (23–24 February 2020 are days off)', async () => {
    const doc = await create({ dueWorkingDays: 10 });
    expect(doc).toMatchObject({ dueWorkingDays: 10, dueOn: '2020-02-27', revision: 1 });
    const fixed = ok(
      await t.http
        .patch(`/api/v1/documents/${doc.id}`)
        .set('Authorization', `Bearer ${coord}`)
        .send({ version: doc.version, dueOn: '2020-03-06' }),
      200,
      'patch',
    );
    expect(fixed).toMatchObject({ dueWorkingDays: null, dueOn: '2020-03-06' });
    const both = await post('/documents', {
      number: 'Д-оба',
      title: 'Два срока',
      issuedOn: '2020-02-12',
      dueOn: '2020-03-02',
      dueWorkingDays: 5,
    });
    expect(both.status).toBe(400);
  });

  it('sends to every school by audience, marks exactly the late ones overdue, closes and asks everyone again', async () => {
    const doc = await create({ dueWorkingDays: 10 });
    const sent = ok(await post(`/documents/${doc.id}/send`, { audience: { schools: true } }), 200, 'send');
    expect(sent.total).toBe(schools.length);
    expect(new Set(sent.items.map((r: { organisationId: string }) => r.organisationId))).toEqual(
      new Set(schools.map((s) => s.id)),
    );

    // the gymnasium registers it under its own number two days later, then acknowledges it
    t.clock.pin('2020-02-14');
    const future = await post(`/documents/${doc.id}/receive`, { receivedOn: '2020-02-15' }, admin);
    expect(future.status).toBe(422);
    expect(future.body.details[0]).toMatchObject({ rule: 'document.recipient.date-in-future', field: 'receivedOn' });
    const received = ok(
      await post(`/documents/${doc.id}/receive`, { incomingNumber: 'Вх-17', receivedOn: '2020-02-13' }, admin),
      200,
      'receive',
    );
    expect(received).toMatchObject({ state: 'received', incomingNumber: 'Вх-17', receivedOn: '2020-02-13' });
    ok(await post(`/documents/${doc.id}/acknowledge`, {}, admin), 200, 'acknowledge');

    // the due date passes: every school but the gymnasium is overdue
    t.clock.pin('2020-02-28');
    const late = await recipients(doc.id);
    expect(
      late
        .filter((r) => r.overdue)
        .map((r) => r.organisationId)
        .sort(),
    ).toEqual(
      schools
        .filter((s) => s.id !== gymnasiumId)
        .map((s) => s.id)
        .sort(),
    );
    const overdueList = ok(await get('/documents?overdue=true&limit=100'), 200, 'overdue').items as { id: string }[];
    expect(overdueList.map((d) => d.id)).toContain(doc.id);

    // closing needs an acknowledgement
    const other = schools.find((s) => s.id !== gymnasiumId) as { id: string };
    const early = await post(`/documents/${doc.id}/close`, { organisationId: other.id });
    expect(early.status).toBe(422);
    expect(early.body.rule ?? early.body.details?.[0]?.rule).toBe('document.recipient.transition-invalid');
    const closed = ok(await post(`/documents/${doc.id}/close`, { organisationId: gymnasiumId }), 200, 'close');
    expect(closed).toMatchObject({ state: 'closed', closedOn: '2020-02-28', overdue: false });

    // a new version asks every recipient again, with a fresh deadline from today
    const current = ok(await get(`/documents/${doc.id}`), 200, 'get');
    const stale = await post(`/documents/${doc.id}/reissue`, {
      reason: 'Уточнены сроки',
      version: current.version + 5,
    });
    if (stale.status !== 409) throw new Error(JSON.stringify(stale.body));
    const v2 = ok(
      await post(`/documents/${doc.id}/reissue`, {
        reason: 'Уточнены сроки',
        summary: 'Новая редакция',
        version: current.version,
      }),
      200,
      'reissue',
    );
    expect(v2).toMatchObject({ revision: 2, summary: 'Новая редакция', dueWorkingDays: 10, acknowledgedCount: 0 });
    expect(v2.dueOn > '2020-02-28').toBe(true);
    const again = await recipients(doc.id);
    expect(again.every((r) => r.state === 'sent' && !r.overdue && r.revision === 2 && r.incomingNumber === null)).toBe(
      true,
    );
    const audit = ok(await get(`/audit?objectId=${doc.id}&limit=100`), 200, 'audit').items as { action: string }[];
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['send', 'reissue']));
  });

  it('refuses a send with neither recipients nor audience (400) and an audience of nobody (422)', async () => {
    const doc = await create();
    expect((await post(`/documents/${doc.id}/send`, {})).status).toBe(400);
    const nobody = await post(`/documents/${doc.id}/send`, { audience: {} });
    expect(nobody.status).toBe(422);
    expect(nobody.body.rule).toBe('document.audience.empty');
    expect(await recipients(doc.id)).toEqual([]);
  });

  it('lets only the coordinator close and reissue', async () => {
    const doc = await create();
    ok(await post(`/documents/${doc.id}/send`, { recipientIds: [gymnasiumId] }), 200, 'send');
    expect((await post(`/documents/${doc.id}/close`, { organisationId: gymnasiumId }, admin)).status).toBe(403);
    expect((await post(`/documents/${doc.id}/reissue`, { reason: 'x', version: 1 }, admin)).status).toBe(403);
  });
});
