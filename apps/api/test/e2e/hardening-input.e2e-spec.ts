import { gzipSync } from 'node:zlib';

import { bootApp, TestApp } from './harness';

/**
 * Bad input at the edge (issue 16, finding 3 and the URL part of finding 8): control characters, broken
 * percent-encoding, invalid UTF-8, bodies that are not what their Content-Encoding says, script links.
 * Run on SQLite and on PostgreSQL, which refuses NUL in text and used to turn it into a 500.
 */
describe('Bad input at the edge', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  let schoolId: string;

  beforeAll(async () => {
    t = await bootApp();
    auth = { Authorization: `Bearer ${await t.as('coordinator')}` };
    const orgs = await t.http.get('/api/v1/organisations?limit=100').set(auth);
    schoolId = (orgs.body.items as { id: string; slug: string }[]).find((o) => o.slug === 'urussu-gymnasium')
      ?.id as string;
  });
  afterAll(() => t.close());

  const refusal = (field: string, rule = 'request.control-character') => ({
    statusCode: 400,
    error: 'Bad Request',
    message: expect.any(String),
    rule,
    details: [expect.objectContaining({ field, rule })],
  });

  describe('a control character is refused with 400 request.control-character and its field', () => {
    it.each([
      ['/api/v1/public/organisations/%00', '(path)'],
      ['/api/v1/public/organisations/%00/events.ics', '(path)'],
      ['/embed/%00', '(path)'],
      ['/api/v1/plans/%00', '(path)'],
      ['/api/v1/plans/%01', '(path)'],
      ['/api/v1/organisations/ab%1Fcd', '(path)'],
      ['/api/v1/agreements?q=%00', 'q'],
      ['/api/v1/agreements?q=a%0Ab', 'q'],
      ['/api/v1/public/organisations/urussu-gymnasium?lang=%07', 'lang'],
    ])('GET %s', async (url, field) => {
      const res = await t.http.get(url).set(auth);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject(refusal(field));
    });

    it('in a log-in e-mail', async () => {
      const res = await t.http
        .post('/api/v1/auth/login')
        .send({ email: 'coordinator\u0000@socium.demo', password: 'x' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject(refusal('email'));
    });

    it('in a nested body field, and the object is not created', async () => {
      const before = (await t.http.get('/api/v1/organisations?limit=1').set(auth)).body.total;
      const res = await t.http
        .post('/api/v1/organisations')
        .set(auth)
        .send({
          kind: 'partner',
          partnerType: 'culture',
          name: 'Дом культуры',
          shortName: 'ДК',
          slug: 'dk-nul',
          contacts: [{ role: 'Директор\u0000', phone: '+7 900 000-00-00' }],
        });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject(refusal('contacts.0.role'));
      expect((await t.http.get('/api/v1/organisations?limit=1').set(auth)).body.total).toBe(before);
    });

    it('at the bottom of a body nested as deep as the size limit allows', async () => {
      const depth = 40_000;
      const body = '['.repeat(depth) + '"\\u0000"' + ']'.repeat(depth);
      const res = await t.http
        .post('/api/v1/organisations')
        .set(auth)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.rule).toBe('request.control-character');
    });
  });

  describe('a date or period outside the supported years 1900–2199 is a 400 with its field, never a 500', () => {
    it.each([
      '0001',
      '0001-0002',
      'summer-0001',
      '0001-Q1',
      '9998',
      '9998-9999',
      '9998-Q4',
      '9998-H2',
      'summer-9998',
      '9998-9999:q4',
    ])('report period %s', async (period) => {
      const res = await t.http.get(`/api/v1/reports/summary?period=${period}`).set(auth);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'period' })]));
    });

    it.each(['0001-01-10', '9999-12-31', '1899-12-31', '2200-01-01'])('a placement starting %s', async (startsOn) => {
      const list = await t.http.get('/api/v1/placements?limit=1').set(auth);
      const p = list.body.items[0] as { id: string; version: number };
      const res = await t.http.patch(`/api/v1/placements/${p.id}`).set(auth).send({ version: p.version, startsOn });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'startsOn' })]));
    });

    it.each(['date=0001-01-01', 'date=9999-12-31', 'academicYear=9998-9999', 'academicYear=1899-1900'])(
      'periods ?%s',
      async (query) => {
        const res = await t.http.get(`/api/v1/periods?${query}`).set(auth);
        expect(res.status).toBe(400);
      },
    );
  });

  it('keeps tabs and line breaks in free text', async () => {
    const res = await t.http.post('/api/v1/documents').set(auth).send({
      number: 'Т-1',
      title: 'Письмо\tо переносах',
      summary: 'Первая строка\r\nвторая строка',
      issuedOn: '2026-11-01',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Письмо\tо переносах', summary: 'Первая строка\r\nвторая строка' });
  });

  it.each(['abc', 'a'.repeat(200), '%F0%9F%98%80', "'%20or%201%3D1--", '00000000-0000-0000-0000-000000000000'])(
    'answers an id %s that names nothing with 404 plan.not-found, whatever its form',
    async (id) => {
      const res = await t.http.get(`/api/v1/plans/${id}`).set(auth);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, rule: 'plan.not-found' });
    },
  );

  it.each(['/api/v1/plans/%E0%A4%A', '/api/v1/public/organisations/%FF', '/embed/%C3%28'])(
    'refuses the path %s, not valid percent-encoded UTF-8, with 400 request.malformed-url',
    async (url) => {
      const res = await t.http.get(url).set(auth);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject(refusal('(path)', 'request.malformed-url'));
    },
  );

  it.each(['%E0%A4%A', '%FF', '%C3%28'])('reads a broken query value ?q=%s as text, never a 500', async (q) => {
    const res = await t.http.get(`/api/v1/agreements?q=${q}`).set(auth);
    expect(res.status).toBe(200);
  });

  it('answers a JSON body with invalid UTF-8 bytes as a client error, never a 500', async () => {
    const bytes = Buffer.concat([Buffer.from('{"email":"a'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('@b.ru"}')]);
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .serialize((x: unknown) => x as string)
      .send(bytes as unknown as string);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, rule: 'request.invalid' });
  });

  describe('Content-Encoding', () => {
    const post = (encoding: string, body: Buffer) =>
      t.http
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .serialize((x: unknown) => x as string)
        .send(body as unknown as string);

    it.each(['gzip', 'deflate', 'br'])(
      'refuses a body that is not %s with 400 request.malformed-encoding',
      async (e) => {
        const res = await post(e, Buffer.from('{"email":"a@b.ru","password":"not compressed"}'));
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject(refusal('(body)', 'request.malformed-encoding'));
      },
    );

    it('reads a real gzip body', async () => {
      const res = await post('gzip', gzipSync(JSON.stringify({ email: 'nobody@socium.demo', password: 'wrong-pass' })));
      expect(res.status).toBe(401);
      expect(res.body.rule).toBe('auth.invalid-credentials');
    });

    it('refuses an encoding it does not know with 415', async () => {
      const res = await post('compress', Buffer.from('{}'));
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ statusCode: 415, rule: 'request.unsupported-media-type' });
    });
  });

  describe('links accept only http: and https:', () => {
    const SCRIPT_LINKS = [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      'data:text/html,<b>x</b>',
      'vbscript:msgbox(1)',
    ];

    it.each(SCRIPT_LINKS)('refuses %s as an organisation site with 400 naming the field', async (site) => {
      const org = (await t.http.get(`/api/v1/organisations/${schoolId}`).set(auth)).body;
      const res = await t.http
        .patch(`/api/v1/organisations/${schoolId}`)
        .set(auth)
        .send({ version: org.version, site });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'site' })]);
    });

    it.each(SCRIPT_LINKS)('refuses %s as an evidence link with 400 naming the field', async (link) => {
      const list = await t.http.get(`/api/v1/activities?organisationId=${schoolId}&limit=1`).set(auth);
      const id = list.body.items[0].id as string;
      const res = await t.http
        .post(`/api/v1/activities/${id}/outcome`)
        .set(auth)
        .send({
          status: 'held',
          heldOn: '2026-11-01',
          actualParticipants: 3,
          result: 'Проведено',
          evidenceLinks: [link],
        });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'evidenceLinks.0' })]);
    });

    it('still takes an https site', async () => {
      const org = (await t.http.get(`/api/v1/organisations/${schoolId}`).set(auth)).body;
      const res = await t.http
        .patch(`/api/v1/organisations/${schoolId}`)
        .set(auth)
        .send({ version: org.version, site: 'https://urussu-gymnasium.example.ru/' });
      expect(res.status).toBe(200);
      expect(res.body.site).toBe('https://urussu-gymnasium.example.ru/');
    });
  });
});
