import { DEFAULT_DIRECTION_CODES } from '@socium/contracts';

import { bootApp, TestApp } from './harness';

describe('Registry API: users and directions', () => {
  let t: TestApp;
  let coord: string;
  let orgs: Record<string, { id: string; kind: string }>;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const noSecret = (body: unknown) => {
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/password/i);
    expect(text).not.toMatch(/argon2/);
    expect(text).not.toMatch(/tokenGeneration/);
  };

  beforeAll(async () => {
    t = await bootApp();
    coord = await t.as('coordinator');
    const res = await t.http.get('/api/v1/organisations?limit=100').set(auth(coord));
    orgs = Object.fromEntries(res.body.items.map((o: { slug: string; id: string; kind: string }) => [o.slug, o]));
  });
  afterAll(() => t.close());

  const newUser = (over: Record<string, unknown> = {}) => ({
    email: `user-${Math.random().toString(36).slice(2)}@example.org`,
    name: 'Заместитель директора',
    role: 'school_admin',
    organisationId: orgs['urussu-gymnasium']?.id,
    password: 'long-enough-password',
    ...over,
  });

  describe('users', () => {
    it('creates a user and never returns the password or its hash, in create, read or list', async () => {
      const created = await t.http
        .post('/api/v1/users')
        .set(auth(coord))
        .send(newUser({ email: 'New.Deputy@Example.org' }));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        email: 'new.deputy@example.org',
        role: 'school_admin',
        disabled: false,
        version: 1,
      });
      noSecret(created.body);
      const one = await t.http.get(`/api/v1/users/${created.body.id}`).set(auth(coord));
      expect(one.status).toBe(200);
      noSecret(one.body);
      const list = await t.http.get('/api/v1/users?limit=100').set(auth(coord));
      expect(list.status).toBe(200);
      expect(list.body.total).toBeGreaterThanOrEqual(4);
      noSecret(list.body);
    });

    it('lets the new user log in with the given password', async () => {
      const body = newUser();
      expect((await t.http.post('/api/v1/users').set(auth(coord)).send(body)).status).toBe(201);
      const login = await t.http.post('/api/v1/auth/login').send({ email: body.email, password: body.password });
      expect(login.status).toBe(200);
    });

    it('answers a duplicate e-mail with 409 user.email.taken, whatever its case', async () => {
      const body = newUser();
      expect((await t.http.post('/api/v1/users').set(auth(coord)).send(body)).status).toBe(201);
      const dup = await t.http
        .post('/api/v1/users')
        .set(auth(coord))
        .send({ ...body, email: (body.email as string).toUpperCase() });
      expect(dup.status).toBe(409);
      expect(dup.body.rule).toBe('user.email.taken');
    });

    it('refuses an organisation that does not exist with 422', async () => {
      const res = await t.http
        .post('/api/v1/users')
        .set(auth(coord))
        .send(newUser({ organisationId: 'no-such-org' }));
      expect(res.status).toBe(422);
      expect(res.body.details[0]).toMatchObject({ field: 'organisationId' });
    });

    it('refuses a role that does not fit the organisation with 422 user.role.organisation-mismatch', async () => {
      const coordAtSchool = await t.http
        .post('/api/v1/users')
        .set(auth(coord))
        .send(newUser({ role: 'coordinator' }));
      expect(coordAtSchool.status).toBe(422);
      expect(coordAtSchool.body.rule).toBe('user.role.organisation-mismatch');
      const partnerAtSchool = await t.http
        .post('/api/v1/users')
        .set(auth(coord))
        .send(newUser({ role: 'partner_rep' }));
      expect(partnerAtSchool.body.rule).toBe('user.role.organisation-mismatch');
      const rep = await t.http
        .post('/api/v1/users')
        .set(auth(coord))
        .send(newUser({ role: 'partner_rep', organisationId: orgs['tapart']?.id }));
      expect(rep.status).toBe(201);
    });

    it('rejects a short password, a bad e-mail and an unknown field with 400 and the fields named', async () => {
      const res = await t.http
        .post('/api/v1/users')
        .set(auth(coord))
        .send(newUser({ password: 'short', email: 'not-an-email', isRoot: true }));
      expect(res.status).toBe(400);
      const fields = res.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['password', 'email', 'isRoot']));
    });

    it('disabling a user revokes their token: their next call answers 401', async () => {
      const body = newUser();
      const created = await t.http.post('/api/v1/users').set(auth(coord)).send(body);
      const login = await t.http.post('/api/v1/auth/login').send({ email: body.email, password: body.password });
      const token = login.body.accessToken as string;
      expect((await t.http.get('/api/v1/auth/me').set(auth(token))).status).toBe(200);
      const off = await t.http
        .patch(`/api/v1/users/${created.body.id}`)
        .set(auth(coord))
        .send({ version: 1, disabled: true });
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ disabled: true, version: 2 });
      expect((await t.http.get('/api/v1/auth/me').set(auth(token))).status).toBe(401);
      expect((await t.http.post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken })).status).toBe(
        401,
      );
      expect(
        (await t.http.post('/api/v1/auth/login').send({ email: body.email, password: body.password })).status,
      ).toBe(401);
    });

    it('changing a password revokes old sessions and the new password works', async () => {
      const body = newUser();
      const created = await t.http.post('/api/v1/users').set(auth(coord)).send(body);
      const token = (await t.http.post('/api/v1/auth/login').send({ email: body.email, password: body.password })).body
        .accessToken;
      const changed = await t.http
        .patch(`/api/v1/users/${created.body.id}`)
        .set(auth(coord))
        .send({ version: 1, password: 'a-brand-new-password' });
      expect(changed.status).toBe(200);
      noSecret(changed.body);
      expect((await t.http.get('/api/v1/auth/me').set(auth(token))).status).toBe(401);
      expect(
        (await t.http.post('/api/v1/auth/login').send({ email: body.email, password: 'a-brand-new-password' })).status,
      ).toBe(200);
    });

    it('does not let the coordinator disable themself', async () => {
      const me = await t.http.get('/api/v1/auth/me').set(auth(coord));
      const mine = await t.http.get(`/api/v1/users/${me.body.id}`).set(auth(coord));
      const res = await t.http
        .patch(`/api/v1/users/${me.body.id}`)
        .set(auth(coord))
        .send({ version: mine.body.version, disabled: true });
      expect(res.status).toBe(422);
      expect(res.body.rule).toBe('user.disable.self');
    });

    it('answers a stale version with 409 and deletes a user with 204', async () => {
      const created = await t.http.post('/api/v1/users').set(auth(coord)).send(newUser());
      expect(
        (await t.http.patch(`/api/v1/users/${created.body.id}`).set(auth(coord)).send({ version: 1, name: 'Иной' }))
          .status,
      ).toBe(200);
      const stale = await t.http
        .patch(`/api/v1/users/${created.body.id}`)
        .set(auth(coord))
        .send({ version: 1, name: 'Третий' });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(2);
      expect((await t.http.delete(`/api/v1/users/${created.body.id}`).set(auth(coord))).status).toBe(204);
      expect((await t.http.get(`/api/v1/users/${created.body.id}`).set(auth(coord))).status).toBe(404);
    });

    it('refuses users to a school admin and a partner with 403, and to no token with 401', async () => {
      for (const role of ['school_admin', 'partner_rep'] as const) {
        const token = await t.as(role);
        expect((await t.http.get('/api/v1/users').set(auth(token))).status).toBe(403);
        expect((await t.http.post('/api/v1/users').set(auth(token)).send(newUser())).status).toBe(403);
      }
      expect((await t.http.get('/api/v1/users')).status).toBe(401);
    });
  });

  describe('directions', () => {
    it('has the nine default codes from the first start, readable by every role', async () => {
      const token = await t.as('partner_rep');
      const res = await t.http.get('/api/v1/directions?limit=100').set(auth(token));
      expect(res.status).toBe(200);
      const codes = res.body.items.map((d: { code: string }) => d.code);
      expect(codes).toEqual(expect.arrayContaining([...DEFAULT_DIRECTION_CODES]));
      expect(DEFAULT_DIRECTION_CODES).toHaveLength(9);
    });

    it('creates, renames and deletes a direction; a duplicate code is 409', async () => {
      const created = await t.http
        .post('/api/v1/directions')
        .set(auth(coord))
        .send({ code: 'tourism', name: 'Туризм и краеведение' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: 'tourism', version: 1 });
      const dup = await t.http.post('/api/v1/directions').set(auth(coord)).send({ code: 'tourism', name: 'Ещё раз' });
      expect(dup.status).toBe(409);
      expect(dup.body.rule).toBe('direction.code.taken');
      const renamed = await t.http
        .patch(`/api/v1/directions/${created.body.id}`)
        .set(auth(coord))
        .send({ version: 1, name: 'Туризм' });
      expect(renamed.body).toMatchObject({ name: 'Туризм', version: 2 });
      const stale = await t.http
        .patch(`/api/v1/directions/${created.body.id}`)
        .set(auth(coord))
        .send({ version: 1, name: 'X' });
      expect(stale.status).toBe(409);
      expect((await t.http.delete(`/api/v1/directions/${created.body.id}`).set(auth(coord))).status).toBe(204);
    });

    it('refuses to delete a direction that agreements use with 409 direction.in-use', async () => {
      const list = await t.http.get('/api/v1/directions?limit=100').set(auth(coord));
      const career = list.body.items.find((d: { code: string }) => d.code === 'career_guidance');
      const res = await t.http.delete(`/api/v1/directions/${career.id}`).set(auth(coord));
      expect(res.status).toBe(409);
      expect(res.body.rule).toBe('direction.in-use');
    });

    it('refuses a code change (server-owned) and a bad code with 400', async () => {
      const bad = await t.http.post('/api/v1/directions').set(auth(coord)).send({ code: 'Bad Code', name: 'X' });
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('code');
      const list = await t.http.get('/api/v1/directions').set(auth(coord));
      const res = await t.http
        .patch(`/api/v1/directions/${list.body.items[0].id}`)
        .set(auth(coord))
        .send({ version: 1, code: 'new_code' });
      expect(res.status).toBe(400);
    });

    it('refuses direction writes to a school admin with 403', async () => {
      const token = await t.as('school_admin');
      expect((await t.http.post('/api/v1/directions').set(auth(token)).send({ code: 'xx', name: 'X' })).status).toBe(
        403,
      );
    });
  });
});
