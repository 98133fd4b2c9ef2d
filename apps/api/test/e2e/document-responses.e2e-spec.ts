import type { Response } from 'supertest';

import { bootApp, TestApp } from './harness';

const PDF = Buffer.from('%PDF-1.4\n% the school answer\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('A response carries a plan and a file', () => {
  let t: TestApp;
  let coord: string;
  let admin: string;
  let partner: string;
  let gymnasiumId: string;
  let yutazaId: string;
  let partnerOrgId: string;
  let seq = 0;

  const ok = (res: Response, status: number, what: string) => {
    if (res.status !== status)
      throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const fileUrl = (docId: string, orgId: string) => `/api/v1/documents/${docId}/recipients/${orgId}/response-file`;
  const attach = (docId: string, bytes: Buffer, name = 'Ответ гимназии.pdf', token = admin, orgId = gymnasiumId) =>
    t.http
      .put(`${fileUrl(docId, orgId)}?filename=${encodeURIComponent(name)}`)
      .set(auth(token))
      .set('Content-Type', 'application/octet-stream')
      .send(bytes);
  const download = (docId: string, orgId: string, token: string) =>
    t.http
      .get(fileUrl(docId, orgId))
      .set(auth(token))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  const respond = (docId: string, body: object, token = admin) =>
    t.http.post(`/api/v1/documents/${docId}/respond`).set(auth(token)).send(body);
  const recipients = async (docId: string, token = coord) =>
    ok(await t.http.get(`/api/v1/documents/${docId}/recipients`).set(auth(token)), 200, 'recipients').items as {
      organisationId: string;
      state: string;
      planId: string | null;
      planTitle: string | null;
      responseFile: { fileName: string; contentType: string; size: number } | null;
    }[];
  const sent = async (to: string[]) => {
    const doc = ok(
      await t.http
        .post('/api/v1/documents')
        .set(auth(coord))
        .send({ number: `О-${++seq}`, title: 'Резолюция круглого стола', issuedOn: '2020-02-12' }),
      201,
      'create',
    ) as { id: string; version: number };
    ok(await t.http.post(`/api/v1/documents/${doc.id}/send`).set(auth(coord)).send({ recipientIds: to }), 200, 'send');
    return doc;
  };
  const plan = async (organisationId: string, title: string) =>
    (
      ok(
        await t.http
          .post('/api/v1/plans')
          .set(auth(coord))
          .send({ organisationId, academicYear: `${2070 + ++seq}-${2071 + seq}`, title }),
        201,
        'plan',
      ) as { id: string }
    ).id;

  beforeAll(async () => {
    t = await bootApp();
    t.clock.pin('2020-02-14');
    coord = await t.as('coordinator');
    admin = await t.as('school_admin');
    partner = await t.as('partner_rep');
    const orgs = ok(await t.http.get('/api/v1/organisations?limit=100').set(auth(coord)), 200, 'orgs').items as {
      id: string;
      slug: string;
    }[];
    const slug = (s: string) => (orgs.find((o) => o.slug === s) as { id: string }).id;
    gymnasiumId = slug('urussu-gymnasium');
    yutazaId = slug('yutaza-school');
    partnerOrgId = slug('tapart');
  });
  afterAll(() => {
    t.clock.pin('2026-11-28');
    return t.close();
  });

  it('stores the plan and the file of a response; the coordinator sees both and downloads the file', async () => {
    const doc = await sent([gymnasiumId, yutazaId]);
    const planId = await plan(gymnasiumId, 'План профориентации гимназии');
    const attached = ok(await attach(doc.id, PDF), 200, 'attach');
    expect(attached.responseFile).toMatchObject({
      fileName: 'Ответ гимназии.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });
    // a second file replaces the first until the response is given
    ok(await attach(doc.id, PNG, 'Фото стенда'), 200, 'replace');
    const answered = ok(await respond(doc.id, { response: 'Работаем по плану', planId }), 200, 'respond');
    expect(answered).toMatchObject({
      state: 'responded',
      planId,
      planTitle: 'План профориентации гимназии',
      responseFile: { fileName: 'Фото стенда.png', contentType: 'image/png', size: PNG.length },
    });

    const lines = await recipients(doc.id);
    expect(lines.find((r) => r.organisationId === gymnasiumId)).toMatchObject({ planId, responseFile: { size: 12 } });
    expect(lines.find((r) => r.organisationId === yutazaId)).toMatchObject({ planId: null, responseFile: null });
    const got = await download(doc.id, gymnasiumId, coord);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toContain('image/png');
    expect(got.headers['content-disposition']).toContain("filename*=UTF-8''%D0%A4");
    expect(Buffer.compare(got.body as Buffer, PNG)).toBe(0);
    expect((await download(doc.id, gymnasiumId, admin)).status).toBe(200);

    // the response is given: its file no longer changes
    const late = await attach(doc.id, PDF);
    expect([late.status, late.body.rule, late.body.details?.[0]?.field ?? late.body.field]).toEqual([
      422,
      'document.response.file-locked',
      'body',
    ]);
  });

  it('refuses a plan that is not the responding organisation own with 422 and writes nothing', async () => {
    const doc = await sent([gymnasiumId]);
    const foreign = await plan(yutazaId, 'План другой школы');
    const refused = await respond(doc.id, { response: 'Наш план', planId: foreign });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('document.response.plan-not-own');
    const missing = await respond(doc.id, { response: 'Наш план', planId: '00000000-0000-4000-8000-000000000000' });
    expect([missing.status, missing.body.rule]).toEqual([422, 'document.response.plan-not-own']);
    expect((await recipients(doc.id))[0]).toMatchObject({ state: 'sent', planId: null });
    // without a plan the response is a text only, as before
    expect(ok(await respond(doc.id, { response: 'Ознакомлены, план позже' }), 200, 'text only')).toMatchObject({
      planId: null,
      planTitle: null,
      responseFile: null,
    });
  });

  it('refuses a response file of another kind or over 10 MB with the document file rule codes', async () => {
    const doc = await sent([gymnasiumId]);
    const text = await attach(doc.id, Buffer.from('plain text'), 'note.txt');
    expect([text.status, text.body.rule]).toEqual([400, 'document.file.type']);
    const big = await attach(doc.id, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    expect((await recipients(doc.id))[0]?.responseFile).toBeNull();
  });

  it('hides a response file from another organisation and refuses to attach to another organisation line (404)', async () => {
    const doc = await sent([gymnasiumId, partnerOrgId]);
    ok(await attach(doc.id, PDF), 200, 'attach');
    // the partner is a recipient too, yet sees and writes only its own line
    expect((await download(doc.id, gymnasiumId, partner)).status).toBe(404);
    const foreignLine = await attach(doc.id, PDF, 'x.pdf', partner, gymnasiumId);
    expect([foreignLine.status, foreignLine.body.rule]).toEqual([404, 'document.not-found']);
    const none = await t.http.get(fileUrl(doc.id, partnerOrgId)).set(auth(partner));
    expect([none.status, none.body.rule]).toEqual([404, 'document.file.not-found']);
    ok(await attach(doc.id, PDF, 'Ответ партнёра.pdf', partner, partnerOrgId), 200, 'partner attaches its own');
    const forCoordinator = await recipients(doc.id);
    expect(forCoordinator.map((r) => r.responseFile?.fileName ?? null).sort()).toEqual([
      'Ответ гимназии.pdf',
      'Ответ партнёра.pdf',
    ]);
  });

  it('drops the plan and the file with the response when a new version asks every recipient again', async () => {
    const doc = await sent([gymnasiumId]);
    const planId = await plan(gymnasiumId, 'План на новый год');
    ok(await attach(doc.id, PDF), 200, 'attach');
    ok(await respond(doc.id, { response: 'Ответ', planId }), 200, 'respond');
    ok(
      await t.http
        .post(`/api/v1/documents/${doc.id}/reissue`)
        .set(auth(coord))
        .send({ reason: 'Уточнены сроки', version: doc.version }),
      200,
      'reissue',
    );
    expect((await recipients(doc.id))[0]).toMatchObject({ state: 'sent', planId: null, responseFile: null });
    expect((await download(doc.id, gymnasiumId, coord)).status).toBe(404);
    // asked again, the school attaches a new file
    ok(await attach(doc.id, PDF, 'Новый ответ.pdf'), 200, 'attach again');
  });
});
