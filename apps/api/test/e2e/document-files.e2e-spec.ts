import type { Response } from 'supertest';

import { bootApp, TestApp } from './harness';

const PDF = Buffer.from('%PDF-1.4\n% a letter\n%%EOF\n');
/** A zip whose first entry is the Word part, as a DOCX starts. */
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('word/document.xml')]);

describe('Files attached to documents', () => {
  let t: TestApp;
  let coord: string;
  let admin: string;
  let partner: string;
  let gymnasiumId: string;

  const ok = (res: Response, status: number, what: string) => {
    if (res.status !== status)
      throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const upload = (docId: string, bytes: Buffer, name = 'Письмо.pdf', token = coord) =>
    t.http
      .post(`/api/v1/documents/${docId}/files?filename=${encodeURIComponent(name)}`)
      .set(auth(token))
      .set('Content-Type', 'application/octet-stream')
      .send(bytes);
  const create = async () =>
    ok(
      await t.http
        .post('/api/v1/documents')
        .set(auth(coord))
        .send({
          number: `Ф-${Math.random().toString(36).slice(2, 8)}`,
          title: 'Письмо с приложением',
          issuedOn: '2020-02-12',
        }),
      201,
      'create',
    ) as { id: string };

  const sendToGymnasium = async (id: string) =>
    ok(
      await t.http
        .post(`/api/v1/documents/${id}/send`)
        .set(auth(coord))
        .send({ recipientIds: [gymnasiumId] }),
      200,
      'send',
    );

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
    gymnasiumId = (orgs.find((o) => o.slug === 'urussu-gymnasium') as { id: string }).id;
  });
  afterAll(() => {
    t.clock.pin('2026-11-28');
    return t.close();
  });

  it('lets the coordinator attach files that the recipient school downloads and a non-recipient cannot see', async () => {
    const doc = await create();
    const pdf = ok(await upload(doc.id, PDF), 201, 'pdf');
    expect(pdf).toMatchObject({ fileName: 'Письмо.pdf', contentType: 'application/pdf', size: PDF.length });
    const docx = ok(await upload(doc.id, DOCX, 'План'), 201, 'docx');
    expect(docx.fileName).toBe('План.docx');
    await sendToGymnasium(doc.id);

    const listed = ok(await t.http.get(`/api/v1/documents/${doc.id}/files`).set(auth(admin)), 200, 'list');
    expect(listed.map((f: { fileName: string }) => f.fileName)).toEqual(['Письмо.pdf', 'План.docx']);
    const got = await t.http
      .get(`/api/v1/documents/${doc.id}/files/${pdf.id}`)
      .set(auth(admin))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toContain('application/pdf');
    expect(got.headers['content-disposition']).toContain('attachment');
    expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);

    expect((await t.http.get(`/api/v1/documents/${doc.id}/files/${pdf.id}`).set(auth(partner))).status).toBe(404);
    expect((await t.http.get(`/api/v1/documents/${doc.id}/files`).set(auth(partner))).status).toBe(404);
  });

  it('refuses a file of another type, a file over 10 MB and an eleventh file with their rule codes', async () => {
    const doc = await create();
    const text = await upload(doc.id, Buffer.from('just text'), 'note.txt');
    expect(text.status).toBe(400);
    expect(text.body.rule).toBe('document.file.type');
    const zip = await upload(doc.id, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]), 'a.zip');
    expect(zip.body.rule).toBe('document.file.type');
    const big = await upload(doc.id, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    for (let i = 0; i < 10; i++) ok(await upload(doc.id, PDF, `f${i}.pdf`), 201, `file ${i}`);
    const eleventh = await upload(doc.id, PDF, 'f10.pdf');
    expect(eleventh.status).toBe(400);
    expect(eleventh.body.rule).toBe('document.file.too-many');
  });

  it('removes a file while the document is unsent and keeps it once sent', async () => {
    const doc = await create();
    const f = ok(await upload(doc.id, PDF), 201, 'upload');
    ok(await t.http.delete(`/api/v1/documents/${doc.id}/files/${f.id}`).set(auth(coord)), 204, 'delete');
    expect(ok(await t.http.get(`/api/v1/documents/${doc.id}/files`).set(auth(coord)), 200, 'list')).toEqual([]);
    const g = ok(await upload(doc.id, PDF), 201, 'upload again');
    await sendToGymnasium(doc.id);
    const refused = await t.http.delete(`/api/v1/documents/${doc.id}/files/${g.id}`).set(auth(coord));
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('document.file.sent');
  });
});
