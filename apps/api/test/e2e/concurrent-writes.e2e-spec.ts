import { OrganisationRecord } from '@socium/api-persistence';

import { directionIds, orgIds, partnershipAgreement } from './fixtures';
import { FlushBarrier } from './flush-barrier';
import { bootApp, TestApp } from './harness';

/** Simultaneous writes: optimistic locking holds in the database, and a uniqueness race is a 409, never a 500. */
describe('Concurrent writes', () => {
  let t: TestApp;
  let barrier: FlushBarrier;
  let coord: string;
  let school: string;
  let ids: Record<string, string> = {};
  let dir: Record<string, string> = {};
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const EDITORS = 5;

  beforeAll(async () => {
    t = await bootApp();
    barrier = new FlushBarrier(t.orm);
    coord = await t.as('coordinator');
    school = await t.as('school_admin');
    ids = await orgIds(t);
    dir = await directionIds(t);
  });
  afterEach(() => barrier.disarm());
  afterAll(() => t.close());

  /** Sends the same versioned PATCH from several editors at once and returns the statuses and bodies. */
  async function raceOfPatches(token: string, path: string, version: number, change: (i: number) => object) {
    barrier.arm(EDITORS);
    const answers = await Promise.all(
      Array.from({ length: EDITORS }, (_, i) =>
        t.http
          .patch(path)
          .set(auth(token))
          .send({ version, ...change(i) }),
      ),
    );
    return answers.map((r) => ({ status: r.status, body: r.body }));
  }

  function expectOneWinner(answers: { status: number; body: Record<string, unknown> }[], version: number): void {
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, ...Array(EDITORS - 1).fill(409)]);
    const winner = answers.find((a) => a.status === 200);
    expect(winner?.body['version']).toBe(version + 1);
    for (const loser of answers.filter((a) => a.status === 409)) {
      expect(loser.body).toMatchObject({ rule: 'version.stale', currentVersion: version + 1 });
    }
  }

  it('lets exactly one of several simultaneous PATCHes of a user with one version succeed, the rest get 409', async () => {
    const created = await t.http.post('/api/v1/users').set(auth(coord)).send({
      email: 'race-target@example.org',
      name: 'Исходное имя',
      role: 'school_admin',
      organisationId: ids['urussu-gymnasium'],
      password: 'long-enough-password',
    });
    expect(created.status).toBe(201);
    const answers = await raceOfPatches(coord, `/api/v1/users/${created.body.id}`, 1, (i) => ({
      name: `Редактор ${i}`,
    }));
    expectOneWinner(answers, 1);
    const stored = await t.http.get(`/api/v1/users/${created.body.id}`).set(auth(coord));
    expect(stored.body).toMatchObject({ version: 2, name: answers.find((a) => a.status === 200)?.body['name'] });
  });

  it('lets exactly one of several simultaneous PATCHes of an organisation with one version succeed', async () => {
    const created = await t.http
      .post('/api/v1/organisations')
      .set(auth(coord))
      .send({ kind: 'school', name: 'Школа гонки', shortName: 'Гонка', slug: 'race-school' });
    expect(created.status).toBe(201);
    const answers = await raceOfPatches(coord, `/api/v1/organisations/${created.body.id}`, 1, (i) => ({
      shortName: `Гонка ${i}`,
    }));
    expectOneWinner(answers, 1);
  });

  it('lets exactly one of several simultaneous PATCHes of a direction with one version succeed', async () => {
    const created = await t.http
      .post('/api/v1/directions')
      .set(auth(coord))
      .send({ code: 'race_direction', name: 'Направление' });
    expect(created.status).toBe(201);
    const answers = await raceOfPatches(coord, `/api/v1/directions/${created.body.id}`, 1, (i) => ({
      name: `Направление ${i}`,
    }));
    expectOneWinner(answers, 1);
  });

  it('lets exactly one of several simultaneous PATCHes of an agreement with one version succeed', async () => {
    const created = await t.http
      .post('/api/v1/agreements')
      .set(auth(school))
      .send(partnershipAgreement('Т-гонка', ids, dir));
    expect(created.status).toBe(201);
    const answers = await raceOfPatches(school, `/api/v1/agreements/${created.body.id}`, 1, (i) => ({
      subject: `Предмет ${i}`,
    }));
    expectOneWinner(answers, 1);
  });
});

describe('Simultaneous creates of one unique value', () => {
  let t: TestApp;
  let barrier: FlushBarrier;
  let coord: string;
  let schoolId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const CREATORS = 5;

  beforeAll(async () => {
    t = await bootApp();
    barrier = new FlushBarrier(t.orm);
    coord = await t.as('coordinator');
    const school = await t.orm.em.fork().findOneOrFail(OrganisationRecord, { slug: 'urussu-gymnasium' });
    schoolId = school.id;
  });
  afterEach(() => barrier.disarm());
  afterAll(() => t.close());

  /** Everything the application writes to stdout and stderr while `run` runs. */
  async function captureOutput<T>(run: () => Promise<T>): Promise<{ result: T; output: string }> {
    const chunks: string[] = [];
    const spies = [process.stdout, process.stderr].map((stream) =>
      jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        chunks.push(String(chunk));
        return true;
      }),
    );
    try {
      return { result: await run(), output: chunks.join('') };
    } finally {
      for (const s of spies) s.mockRestore();
    }
  }

  const racers = <T>(n: number, send: (i: number) => Promise<T>) => {
    barrier.arm(n);
    return Promise.all(Array.from({ length: n }, (_, i) => send(i)));
  };

  it('answers five simultaneous POST /users with one e-mail with one 201 and four 409 user.email.taken', async () => {
    const email = 'twice.created@example.org';
    const { result } = await captureOutput(() =>
      racers(CREATORS, () =>
        t.http.post('/api/v1/users').set(auth(coord)).send({
          email,
          name: 'Гонка',
          role: 'school_admin',
          organisationId: schoolId,
          password: 'long-enough-password',
        }),
      ),
    );
    expect(result.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of result.filter((x) => x.status === 409))
      expect(r.body).toMatchObject({
        statusCode: 409,
        rule: 'user.email.taken',
        details: [expect.objectContaining({ field: 'email', rule: 'user.email.taken' })],
      });
    const list = await t.http.get(`/api/v1/users?q=${encodeURIComponent(email)}`).set(auth(coord));
    expect(list.body.total).toBe(1);
  });

  it('logs neither the e-mail nor the password hash when users are created at once with one e-mail', async () => {
    const email = 'never.logged@example.org';
    const { result, output } = await captureOutput(() =>
      racers(CREATORS, () =>
        t.http.post('/api/v1/users').set(auth(coord)).send({
          email,
          name: 'Гонка',
          role: 'school_admin',
          organisationId: schoolId,
          password: 'long-enough-password',
        }),
      ),
    );
    expect(result.filter((r) => r.status === 201)).toHaveLength(1);
    expect(output).not.toContain(email);
    expect(output).not.toContain('$argon2');
  });

  it('answers simultaneous creates of one organisation slug and one direction code with 201 and 409s', async () => {
    const orgs = await racers(3, (i) =>
      t.http
        .post('/api/v1/organisations')
        .set(auth(coord))
        .send({ kind: 'school', name: `Школа ${i}`, shortName: `Ш${i}`, slug: 'one-slug-race' }),
    );
    expect(orgs.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(orgs.filter((r) => r.status === 409).map((r) => r.body.rule)).toEqual([
      'organisation.slug.taken',
      'organisation.slug.taken',
    ]);
    const dirs = await racers(3, (i) =>
      t.http
        .post('/api/v1/directions')
        .set(auth(coord))
        .send({ code: 'one_code_race', name: `Направление ${i}` }),
    );
    expect(dirs.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(dirs.filter((r) => r.status === 409).map((r) => r.body.rule)).toEqual([
      'direction.code.taken',
      'direction.code.taken',
    ]);
  });
});
