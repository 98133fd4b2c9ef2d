import type { Role } from '@socium/domain';

import { directionIds, orgIds, partnershipAgreement } from './fixtures';
import { bootApp, TestApp } from './harness';

describe('Agreements API', () => {
  let t: TestApp;
  let ids: Record<string, string> = {};
  let dir: Record<string, string> = {};

  beforeAll(async () => {
    t = await bootApp();
    ids = await orgIds(t);
    dir = await directionIds(t);
  });
  afterEach(() => t.clock.pin('2026-11-28'));
  afterAll(() => t.close());

  const body = (over: Record<string, unknown> = {}) =>
    partnershipAgreement(`Т-${Math.random().toString(36).slice(2, 8)}`, ids, dir, over);
  const create = async (over: Record<string, unknown> = {}, role: Role = 'school_admin') =>
    t.http
      .post('/api/v1/agreements')
      .set(await t.auth(role))
      .send(body(over));
  const sign = async (
    id: string,
    party: 'school' | 'partner',
    signedOn: string,
    role: Role = party === 'school' ? 'school_admin' : 'partner_rep',
  ) =>
    t.http
      .post(`/api/v1/agreements/${id}/sign`)
      .set(await t.auth(role))
      .send({ party, signedOn });
  const status = async (id: string) =>
    (await t.http.get(`/api/v1/agreements/${id}`).set(await t.auth('coordinator'))).body.status as string;
  const signedAgreement = async (over: Record<string, unknown> = {}, on = '2019-12-15') => {
    const a = await create(over);
    expect(a.status).toBe(201);
    expect((await sign(a.body.id, 'school', on)).status).toBe(200);
    expect((await sign(a.body.id, 'partner', on)).status).toBe(200);
    return a.body.id as string;
  };

  it('lets a school admin create an agreement of their school, answered as a draft with derived fields', async () => {
    const res = await create();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      version: 1,
      hasScan: false,
      signedBySchoolOn: null,
      effectiveEndsOn: '2020-12-31',
      schoolId: ids['urussu-gymnasium'],
    });
    const read = await t.http.get(`/api/v1/agreements/${res.body.id}`).set(await t.auth('school_admin'));
    expect(read.status).toBe(200);
    expect(read.body.obligations).toHaveLength(2);
  });

  it('refuses an agreement where only the school carries obligations with 422 agreement.obligations.both-parties', async () => {
    const res = await create({ obligations: [{ party: 'school', text: 'Формировать группы' }] });
    expect(res.status).toBe(422);
    expect(res.body.rule).toBe('agreement.obligations.both-parties');
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'agreement.obligations.both-parties', field: 'obligations' }),
      ]),
    );
  });

  it('reports every broken principle at once: no goal and no direction', async () => {
    const res = await create({ goal: '', directionIds: [] });
    expect(res.status).toBe(422);
    const rules = (res.body.details as { rule: string }[]).map((d) => d.rule);
    expect(rules).toEqual(expect.arrayContaining(['agreement.goal.required', 'agreement.directions.required']));
  });

  it('refuses wrong parties, unknown directions and a term that ends before it starts with 422', async () => {
    const parties = await create({ partnerId: ids['yutaza-school'] }, 'coordinator');
    expect(parties.status).toBe(422);
    expect(parties.body.rule).toBe('agreement.parties.invalid');
    const directions = await create({ directionIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(directions.status).toBe(422);
    expect(directions.body.rule).toBe('agreement.directions.unknown');
    const term = await create({ startsOn: '2020-06-01', endsOn: '2020-05-31' });
    expect(term.status).toBe(422);
    expect(term.body.rule).toBe('agreement.term.end-before-start');
  });

  it("names each party's head as the responsible role by default, and refuses to sign when a party names none", async () => {
    t.clock.pin('2019-12-20');
    const byDefault = await create({ responsibleRoles: undefined });
    expect(byDefault.status).toBe(201);
    expect(byDefault.body.responsibleRoles).toEqual({
      school: 'Руководитель образовательной организации',
      partner: 'Руководитель организации-партнёра',
    });
    const a = await create({ responsibleRoles: { school: 'Заместитель директора', partner: '' } });
    expect(a.status).toBe(201);
    const res = await sign(a.body.id, 'school', '2019-12-20');
    expect(res.status).toBe(422);
    expect(res.body.rule).toBe('agreement.responsible.both-parties');
  });

  it('refuses a school admin creating an agreement for another school with 403 and a partner rep creating at all', async () => {
    expect((await create({ schoolId: ids['yutaza-school'] })).status).toBe(403);
    expect((await create({}, 'partner_rep')).status).toBe(403);
  });

  it('answers unknown fields and wrong types with 400 naming the fields', async () => {
    const unknown = await create({ status: 'active' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'status', rule: 'field.unknown' })]),
    );
    const types = await create({
      noticeDays: 'thirty',
      startsOn: '2020-02-30',
      obligations: [{ party: 'state', text: 'x' }],
    });
    expect(types.status).toBe(400);
    const fields = (types.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['noticeDays', 'startsOn', 'obligations.0.party']));
  });

  it('answers 401 without a token', async () => {
    expect((await t.http.get('/api/v1/agreements')).status).toBe(401);
    expect((await t.http.post('/api/v1/agreements').send(body())).status).toBe(401);
  });

  it("hides another school's agreement from a school admin and another partner's from a partner rep (404)", async () => {
    const other = await create({ schoolId: ids['yutaza-school'], partnerId: ids['yutaza-elevator'] }, 'coordinator');
    expect(other.status).toBe(201);
    expect((await t.http.get(`/api/v1/agreements/${other.body.id}`).set(await t.auth('school_admin'))).status).toBe(
      404,
    );
    expect((await t.http.get(`/api/v1/agreements/${other.body.id}`).set(await t.auth('partner_rep'))).status).toBe(404);
    expect(
      (
        await t.http
          .patch(`/api/v1/agreements/${other.body.id}`)
          .set(await t.auth('school_admin'))
          .send({ version: 1, goal: 'Чужая цель' })
      ).status,
    ).toBe(404);
    expect((await t.http.delete(`/api/v1/agreements/${other.body.id}`).set(await t.auth('school_admin'))).status).toBe(
      404,
    );
    const list = await t.http.get('/api/v1/agreements?limit=100').set(await t.auth('school_admin'));
    expect(list.status).toBe(200);
    expect(list.body.items.every((a: { schoolId: string }) => a.schoolId === ids['urussu-gymnasium'])).toBe(true);
    const partnerList = await t.http.get('/api/v1/agreements?limit=100').set(await t.auth('partner_rep'));
    expect(partnerList.body.items.every((a: { partnerId: string }) => a.partnerId === ids['tapart'])).toBe(true);
  });

  it('answers a PATCH with a stale version with 409 and the current version', async () => {
    const a = await create();
    const first = await t.http
      .patch(`/api/v1/agreements/${a.body.id}`)
      .set(await t.auth('school_admin'))
      .send({ version: 1, subject: 'Новый предмет' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 2, subject: 'Новый предмет' });
    const stale = await t.http
      .patch(`/api/v1/agreements/${a.body.id}`)
      .set(await t.auth('school_admin'))
      .send({ version: 1, subject: 'Ещё один' });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
  });

  it('derives the status draft → signed → active → expiring → expired as today moves', async () => {
    t.clock.pin('2019-12-01');
    const a = await create();
    const id = a.body.id as string;
    expect(await status(id)).toBe('draft');
    expect((await sign(id, 'school', '2019-12-01')).body.signedBySchoolOn).toBe('2019-12-01');
    expect(await status(id)).toBe('draft');
    const partner = await sign(id, 'partner', '2019-12-01');
    expect(partner.status).toBe(200);
    expect(partner.body).toMatchObject({ status: 'signed', signedByPartnerOn: '2019-12-01', version: 3 });
    t.clock.pin('2020-03-01');
    expect(await status(id)).toBe('active');
    t.clock.pin('2020-11-15');
    expect(await status(id)).toBe('expiring');
    const expiring = await t.http
      .get(`/api/v1/agreements?status=expiring&schoolId=${ids['urussu-gymnasium']}&limit=100`)
      .set(await t.auth('coordinator'));
    expect(expiring.body.items.map((x: { id: string }) => x.id)).toContain(id);
    t.clock.pin('2021-01-10');
    expect(await status(id)).toBe('expired');
    const expired = await t.http.get('/api/v1/agreements?status=expired&limit=100').set(await t.auth('school_admin'));
    expect(expired.body.items.map((x: { id: string }) => x.id)).toContain(id);
    const active = await t.http.get('/api/v1/agreements?status=active&limit=100').set(await t.auth('school_admin'));
    expect(active.body.items.map((x: { id: string }) => x.id)).not.toContain(id);
  });

  it('keeps an auto-renewing agreement in force after its first term as renewed, also in the status filter', async () => {
    t.clock.pin('2019-12-15');
    const id = await signedAgreement({ autoRenew: true, noticeDays: 30 });
    t.clock.pin('2021-03-01');
    const read = await t.http.get(`/api/v1/agreements/${id}`).set(await t.auth('partner_rep'));
    expect(read.body).toMatchObject({ status: 'renewed', effectiveEndsOn: '2021-12-31' });
    const renewed = await t.http.get('/api/v1/agreements?status=renewed&limit=100').set(await t.auth('coordinator'));
    expect(renewed.body.items.map((x: { id: string }) => x.id)).toContain(id);
    const expired = await t.http.get('/api/v1/agreements?status=expired&limit=100').set(await t.auth('coordinator'));
    expect(expired.body.items.map((x: { id: string }) => x.id)).not.toContain(id);
  });

  it('lets each side sign only for itself and refuses a signature dated in the future', async () => {
    t.clock.pin('2019-12-20');
    const a = await create();
    expect((await sign(a.body.id, 'school', '2019-12-20', 'partner_rep')).status).toBe(403);
    expect((await sign(a.body.id, 'partner', '2019-12-20', 'school_admin')).status).toBe(403);
    const future = await sign(a.body.id, 'school', '2019-12-21');
    expect(future.status).toBe(422);
    expect(future.body.rule).toBe('agreement.sign.future-date');
    expect((await sign(a.body.id, 'school', '2019-12-20')).status).toBe(200);
    const again = await sign(a.body.id, 'school', '2019-12-20');
    expect(again.status).toBe(422);
    expect(again.body.rule).toBe('agreement.sign.already-signed');
  });

  it('freezes a signed agreement: no edits (agreement.edit.signed) and no deletion (agreement.delete.signed)', async () => {
    t.clock.pin('2020-02-01');
    const id = await signedAgreement({}, '2020-01-10');
    const edit = await t.http
      .patch(`/api/v1/agreements/${id}`)
      .set(await t.auth('school_admin'))
      .send({ version: 3, goal: 'Другая цель' });
    expect(edit.status).toBe(422);
    expect(edit.body.rule).toBe('agreement.edit.signed');
    const del = await t.http.delete(`/api/v1/agreements/${id}`).set(await t.auth('coordinator'));
    expect(del.status).toBe(422);
    expect(del.body.rule).toBe('agreement.delete.signed');
  });

  it('deletes a draft with 204', async () => {
    const a = await create();
    expect((await t.http.delete(`/api/v1/agreements/${a.body.id}`).set(await t.auth('school_admin'))).status).toBe(204);
    expect((await t.http.get(`/api/v1/agreements/${a.body.id}`).set(await t.auth('coordinator'))).status).toBe(404);
  });

  it('terminates a signed agreement and refuses to terminate a draft or without a reason', async () => {
    t.clock.pin('2020-04-01');
    const id = await signedAgreement({}, '2019-12-15');
    const noReason = await t.http
      .post(`/api/v1/agreements/${id}/terminate`)
      .set(await t.auth('school_admin'))
      .send({ terminatedOn: '2020-04-01' });
    expect(noReason.status).toBe(400);
    expect(
      (
        await t.http
          .post(`/api/v1/agreements/${id}/terminate`)
          .set(await t.auth('partner_rep'))
          .send({ terminatedOn: '2020-04-01', reason: 'x' })
      ).status,
    ).toBe(403);
    const res = await t.http
      .post(`/api/v1/agreements/${id}/terminate`)
      .set(await t.auth('school_admin'))
      .send({ terminatedOn: '2020-04-01', reason: 'Предприятие прекратило деятельность' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'terminated',
      terminatedOn: '2020-04-01',
      terminationReason: 'Предприятие прекратило деятельность',
    });
    const list = await t.http.get('/api/v1/agreements?status=terminated&limit=100').set(await t.auth('coordinator'));
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(id);
    const draft = await create();
    const refused = await t.http
      .post(`/api/v1/agreements/${draft.body.id}/terminate`)
      .set(await t.auth('school_admin'))
      .send({ terminatedOn: '2020-04-01', reason: 'Передумали' });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('agreement.terminate.not-signed');
  });

  it('filters the list by kind, direction, partner and text', async () => {
    const a = await create({
      kind: 'cooperation',
      number: 'ФИЛЬТР-1',
      directionIds: [dir['ecology']],
      partnerId: ids['rdk-urussu'],
    });
    expect(a.status).toBe(201);
    const coord = await t.auth('coordinator');
    const byDirection = await t.http.get(`/api/v1/agreements?directionId=${dir['ecology']}`).set(coord);
    expect(byDirection.body.items.map((x: { id: string }) => x.id)).toEqual([a.body.id]);
    const byText = await t.http.get('/api/v1/agreements?q=ФИЛЬТР').set(coord);
    expect(byText.body.total).toBe(1);
    const byKind = await t.http.get(`/api/v1/agreements?kind=cooperation&partnerId=${ids['rdk-urussu']}`).set(coord);
    expect(byKind.body.items.map((x: { id: string }) => x.id)).toContain(a.body.id);
    expect((await t.http.get('/api/v1/agreements?status=bogus').set(coord)).status).toBe(400);
    expect((await t.http.get('/api/v1/agreements?limit=101').set(coord)).status).toBe(400);
  });

  it('finds agreements by the name of either party, in any case (issue 13: «Тапарт», «гимназия»)', async () => {
    const coord = await t.auth('coordinator');
    const orgs = (await t.http.get('/api/v1/organisations?limit=100').set(coord)).body.items as {
      id: string;
      slug: string;
    }[];
    const idOf = (slug: string) => orgs.find((o) => o.slug === slug)?.id;
    const search = async (text: string, token = coord) => {
      const res = await t.http.get(`/api/v1/agreements?q=${encodeURIComponent(text)}&limit=100`).set(token);
      expect(res.status).toBe(200);
      return res.body.items as { schoolId: string; partnerId: string; number: string }[];
    };
    const byPartner = await search('тапарт');
    expect(byPartner.length).toBeGreaterThan(0);
    expect(byPartner.every((a) => a.partnerId === idOf('tapart'))).toBe(true);
    const bySchool = await search('ГИМНАЗИЯ');
    expect(bySchool.length).toBeGreaterThan(0);
    expect(bySchool.every((a) => a.schoolId === idOf('urussu-gymnasium'))).toBe(true);
    // a school administrator still sees only the own school's agreements
    const other = await search('Тапарт', await t.auth('school_admin'));
    expect(other.every((a) => a.schoolId === idOf('urussu-gymnasium'))).toBe(true);
    expect(await search('нет такой организации')).toEqual([]);
  });

  describe('scan', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);

    it('accepts a PDF scan and serves it back as an attachment with its type and nosniff', async () => {
      const a = await create();
      const up = await t.http
        .post(`/api/v1/agreements/${a.body.id}/scan`)
        .set(await t.auth('school_admin'))
        .set('Content-Type', 'application/octet-stream')
        .send(pdf);
      expect(up.status).toBe(200);
      expect(up.body).toMatchObject({ hasScan: true, version: 2 });
      const down = await t.http
        .get(`/api/v1/agreements/${a.body.id}/scan`)
        .set(await t.auth('partner_rep'))
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(down.status).toBe(200);
      expect(down.headers['content-type']).toMatch(/^application\/pdf/);
      expect(down.headers['content-disposition']).toMatch(/^attachment/);
      expect(down.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(down.body as Buffer, pdf)).toBe(0);
    });

    it('accepts a PNG and a JPEG by their magic bytes whatever the declared type', async () => {
      const a = await create();
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
      const up = await t.http
        .post(`/api/v1/agreements/${a.body.id}/scan`)
        .set(await t.auth('school_admin'))
        .set('Content-Type', 'application/pdf')
        .send(png);
      expect(up.status).toBe(200);
      const down = await t.http.get(`/api/v1/agreements/${a.body.id}/scan`).set(await t.auth('school_admin'));
      expect(down.headers['content-type']).toMatch(/^image\/png/);
      const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
      expect(
        (
          await t.http
            .post(`/api/v1/agreements/${a.body.id}/scan`)
            .set(await t.auth('school_admin'))
            .set('Content-Type', 'image/jpeg')
            .send(jpeg)
        ).status,
      ).toBe(200);
    });

    it('refuses an .exe, an HTML page dressed as a PDF and an empty body with 400 agreement.scan.type', async () => {
      const a = await create();
      const token = await t.auth('school_admin');
      const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);
      const html = Buffer.from('<html><script>alert(1)</script></html>');
      for (const bytes of [exe, html]) {
        const res = await t.http
          .post(`/api/v1/agreements/${a.body.id}/scan`)
          .set(token)
          .set('Content-Type', 'application/pdf')
          .send(bytes);
        expect(res.status).toBe(400);
        expect(res.body.rule).toBe('agreement.scan.type');
      }
      const empty = await t.http.post(`/api/v1/agreements/${a.body.id}/scan`).set(token);
      expect(empty.status).toBe(400);
      expect((await t.http.get(`/api/v1/agreements/${a.body.id}/scan`).set(token)).status).toBe(404);
    });

    it('refuses a scan over 10 MB with 413', async () => {
      const a = await create();
      const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
      const res = await t.http
        .post(`/api/v1/agreements/${a.body.id}/scan`)
        .set(await t.auth('school_admin'))
        .set('Content-Type', 'application/pdf')
        .send(big);
      expect(res.status).toBe(413);
    });

    it("never serves another school's scan (404) and lets no partner upload (403)", async () => {
      const other = await create({ schoolId: ids['yutaza-school'], partnerId: ids['yutaza-elevator'] }, 'coordinator');
      expect(
        (
          await t.http
            .post(`/api/v1/agreements/${other.body.id}/scan`)
            .set(await t.auth('coordinator'))
            .set('Content-Type', 'application/pdf')
            .send(pdf)
        ).status,
      ).toBe(200);
      expect(
        (await t.http.get(`/api/v1/agreements/${other.body.id}/scan`).set(await t.auth('school_admin'))).status,
      ).toBe(404);
      expect(
        (await t.http.get(`/api/v1/agreements/${other.body.id}/scan`).set(await t.auth('partner_rep'))).status,
      ).toBe(404);
      expect(
        (
          await t.http
            .post(`/api/v1/agreements/${other.body.id}/scan`)
            .set(await t.auth('school_admin'))
            .set('Content-Type', 'application/pdf')
            .send(pdf)
        ).status,
      ).toBe(404);
      const mine = await create();
      expect(
        (
          await t.http
            .post(`/api/v1/agreements/${mine.body.id}/scan`)
            .set(await t.auth('partner_rep'))
            .set('Content-Type', 'application/pdf')
            .send(pdf)
        ).status,
      ).toBe(403);
    });
  });
});
