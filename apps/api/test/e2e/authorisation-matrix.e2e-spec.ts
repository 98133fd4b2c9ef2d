import { DocumentRecipientRecord, FileRecord, NotificationRecord } from '@socium/api-persistence';

import type { Response } from 'supertest';

import {
  CallerRole,
  CALLERS,
  ID_ROUTES,
  Ids,
  keyOf,
  MATRIX,
  MATRIX_ROWS,
  MISSING,
  Obj,
  PDF,
  WHO,
} from './authorisation-matrix.table';
import { bootApp, TestApp } from './harness';

/**
 * Object-level authorisation matrix: every contract route with an `:id`, called by a school admin and a
 * partner representative on (1) an object of their own organisation or one they are a party to, (2) an
 * object of another school they have no part in, (3) a missing id. The expected statuses are written out
 * in `authorisation-matrix.table.ts`; the requests (ids and minimal valid bodies) are built from the demo data, listed as the coordinator.
 * Destructive and state-changing routes run on objects created for the row, so later rows see the demo data.
 */

describe('Authorisation matrix: school admins and partner representatives on their own, foreign and missing objects', () => {
  let t: TestApp;
  let ids: Ids;
  let seq = 0;
  const next = () => ++seq;

  const bearer = async (role: 'coordinator' | CallerRole) => ({ Authorization: `Bearer ${await t.as(role)}` });
  const expectStatus = (res: Response, status: number, what: string) => {
    if (res.status !== status)
      throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const get = async (path: string) =>
    expectStatus(await t.http.get(`/api/v1${path}`).set(await bearer('coordinator')), 200, `GET ${path}`);
  const post = async (path: string, body: object, status = 201) =>
    expectStatus(
      await t.http
        .post(`/api/v1${path}`)
        .set(await bearer('coordinator'))
        .send(body),
      status,
      `POST ${path}`,
    ) as Obj;
  const items = async (path: string) => (await get(path)).items as Obj[];
  const pick = (list: Obj[], what: string, test: (o: Obj) => boolean) => {
    const found = list.find(test);
    if (!found) throw new Error(`demo data: no ${what}`);
    return found.id;
  };

  // Objects created for destructive and state-changing rows (as the coordinator).
  const orgOf = (role: CallerRole) => ids.org[role === 'school_admin' ? 'urussu-gymnasium' : 'tapart'] as string;
  const agreementBody = (own: boolean) => ({
    number: `МАТРИЦА-${next()}`,
    kind: 'social_partnership',
    schoolId: ids.org[own ? 'urussu-gymnasium' : 'yutaza-school'],
    partnerId: ids.org[own ? 'tapart' : 'yutaza-elevator'],
    subject: 'Совместная профориентационная работа',
    goal: 'Профессиональное самоопределение обучающихся',
    directionIds: [ids.dir['career_guidance']],
    obligations: [
      { party: 'school', text: 'Формировать группы обучающихся' },
      { party: 'partner', text: 'Проводить экскурсии на предприятие' },
    ],
    responsibleRoles: { school: 'Заместитель директора по ВР', partner: 'Начальник отдела кадров' },
    startsOn: '2026-09-01',
    endsOn: '2027-08-31',
    autoRenew: false,
    noticeDays: 30,
  });
  const freshAgreement = async (own: boolean, signed = false) => {
    const a = await post('/agreements', agreementBody(own));
    if (signed)
      for (const party of ['school', 'partner'])
        await post(`/agreements/${a.id}/sign`, { party, signedOn: '2026-09-01' }, 200);
    return a.id;
  };
  /** A signed agreement with amendment No. 1 awaiting signatures (it changes the notice period). */
  const amendedAgreement = async (own: boolean) => {
    const id = await freshAgreement(own, true);
    await post(`/agreements/${id}/amendments`, { effectiveOn: '2026-11-28', changes: { noticeDays: 45 } });
    return id;
  };
  /** Own plans are annexed to the gymnasium–Tapart agreement, so the partner is a party to them. */
  const freshPlan = async (own: boolean, submitted = false) => {
    const year = 2030 + next();
    const p = await post('/plans', {
      organisationId: ids.org[own ? 'urussu-gymnasium' : 'yutaza-school'],
      academicYear: `${year}-${year + 1}`,
      agreementId: own ? ids.agreement.own : null,
      title: 'План для проверки доступа',
    });
    if (submitted) await post(`/plans/${p.id}/submit`, {}, 200);
    return p.id;
  };
  const activityBody = (partnerId: string | null) => ({
    title: `Проверка доступа ${next()}`,
    directionId: ids.dir['career_guidance'],
    form: 'excursion',
    partnerId,
    startsOn: '2027-03-01',
    targetGrades: [8],
  });
  /** Own activities belong to the gymnasium's plan and have Tapart as their partner. */
  const freshActivity = async (own: boolean) =>
    (
      await post(
        `/plans/${own ? ids.plan.own : ids.plan.foreign}/activities`,
        activityBody(ids.org[own ? 'tapart' : 'czn-yutazy'] as string),
      )
    ).id;
  const freshPlacement = async (own: boolean) =>
    (
      await post('/placements', {
        schoolId: ids.org[own ? 'urussu-gymnasium' : 'yutaza-school'],
        employerId: ids.org[own ? 'tapart' : 'yutaza-elevator'],
        channel: 'employment_centre',
        kind: 'employment_contract',
        jobTitle: 'Подсобный рабочий',
        studentCode: `MATRIX-${next()}`,
        studentBirthDate: '2010-01-10',
        studentSex: 'male',
        startsOn: '2026-06-15',
        endsOn: '2026-07-10',
        workDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
        shiftStartsAt: '09:00',
        shiftEndsAt: '15:00',
        hoursPerDay: 6,
        hoursPerWeek: 30,
        parentConsent: true,
        guardianshipConsent: true,
        medicalClearanceOn: '2026-06-01',
      })
    ).id;
  const freshDocument = async (recipientIds: string[]) => {
    const d = await post('/documents', {
      number: `М-${next()}`,
      title: 'Письмо для проверки доступа',
      issuedOn: '2026-11-01',
    });
    if (recipientIds.length) await post(`/documents/${d.id}/send`, { recipientIds }, 200);
    return d.id;
  };
  /** The file attached to a document by `documentWithFile`, for the `:fileId` routes. */
  const fileOf = new Map<string, string>();
  const documentWithFile = async (recipientIds: string[]) => {
    const id = await freshDocument(recipientIds);
    const res = await t.http
      .post(`/api/v1/documents/${id}/files?filename=letter.pdf`)
      .set(await bearer('coordinator'))
      .set('Content-Type', 'application/pdf')
      .send(PDF);
    fileOf.set(id, expectStatus(res, 201, 'document file').id);
    return id;
  };
  /**
   * A document whose recipient attached a response file: the caller's organisation (`role`), or another school's
   * (`null`, attached through the ORM since no demo account of it signs in here).
   */
  const documentWithResponseFile = async (role: CallerRole | null) => {
    const org = role ? orgOf(role) : (ids.org['yutaza-school'] as string);
    const id = await freshDocument([org]);
    if (role) {
      const res = await t.http
        .put(`/api/v1/documents/${id}/recipients/${org}/response-file?filename=answer.pdf`)
        .set(await bearer(role))
        .set('Content-Type', 'application/pdf')
        .send(PDF);
      expectStatus(res, 200, 'response file');
    } else {
      const em = t.orm.em.fork();
      const file = em.create(FileRecord, {
        id: `00000000-0000-4000-a000-${String(next()).padStart(12, '0')}`,
        contentType: 'application/pdf',
        fileName: 'answer.pdf',
        size: PDF.length,
        data: PDF,
        createdAt: '2026-11-01T00:00:00.000Z',
      });
      await em.nativeUpdate(
        DocumentRecipientRecord,
        { documentId: id, organisationId: org },
        { responseFileId: file.id, responseFileName: 'answer.pdf' },
      );
      await em.flush();
    }
    return id;
  };
  /** A notification of `userId`, stored directly (reminders create them; the matrix only needs one to exist). */
  const freshNotification = async (userId: string) => {
    const em = t.orm.em.fork();
    const id = `00000000-0000-4000-9000-${String(next()).padStart(12, '0')}`;
    em.create(NotificationRecord, {
      id,
      userId,
      cause: `matrix:${id}`,
      kind: 'document.overdue',
      objectType: 'document',
      objectId: MISSING,
      subject: 'Проверка доступа',
      body: 'Проверка доступа',
      link: '/admin',
      createdAt: '2026-11-28T00:00:00.000Z',
      readAt: null,
      emailState: 'off',
      emailAttempts: 0,
      emailNextAt: null,
      emailError: null,
      emailSentAt: null,
    });
    await em.flush();
    return id;
  };
  const freshUser = async (role: CallerRole, organisationId: string) =>
    (
      await post('/users', {
        email: `matrix-${next()}@example.test`,
        name: 'Проверка доступа',
        role,
        organisationId,
        password: 'matrix-password-2026',
      })
    ).id;
  const freshNeed = async (employerId: string | null) =>
    (
      await post('/labour-needs', {
        profession: `Профессия ${next()}`,
        sector: 'Проверка',
        demand: 1,
        academicYear: '2026-2027',
        employerId,
      })
    ).id;

  /** Own enrolment is the gymnasium's; each in a year of its own (one record per school and year). */
  const freshEnrolment = async (own: boolean) => {
    const year = 2100 + next();
    return (
      await post('/enrolment', {
        organisationId: ids.org[own ? 'urussu-gymnasium' : 'yutaza-school'],
        academicYear: `${year}-${year + 1}`,
        pupilsByGrade: { '9': 20 },
        aged14: 5,
      })
    ).id;
  };

  /** A PATCH body that changes nothing: the current version and one field as it is. */
  const unchanged = (resource: string, field: string) => async (_role: CallerRole, id: string) => {
    if (id === MISSING) return { version: 1, [field]: 'Без изменений' };
    const cur = await get(`/${resource}/${id}`);
    return { version: cur.version, [field]: cur[field] };
  };

  interface Request {
    /** the object of the caller's organisation (or one it is a party to) and another school's object */
    object: (role: CallerRole, own: boolean) => Promise<string> | string;
    /** a body valid for the route, so only access decides the answer */
    body?: (role: CallerRole, id: string) => Promise<object> | object;
    raw?: Buffer;
  }
  const REQUESTS: Record<string, Request> = {
    'GET /organisations/:id': { object: (role, own) => (own ? orgOf(role) : (ids.org['yutaza-school'] as string)) },
    'PATCH /organisations/:id': {
      object: (role, own) => (own ? orgOf(role) : (ids.org['yutaza-school'] as string)),
      body: unchanged('organisations', 'shortName'),
    },
    // organisations with users, agreements or plans cannot be deleted (409), so the demo ones are safe here
    'DELETE /organisations/:id': { object: (role, own) => (own ? orgOf(role) : (ids.org['yutaza-school'] as string)) },
    'GET /users/:id': { object: (role, own) => (own ? ids.user[role] : ids.foreignUser) },
    'PATCH /users/:id': {
      object: (role, own) => (own ? ids.user[role] : ids.foreignUser),
      body: unchanged('users', 'name'),
    },
    'DELETE /users/:id': {
      object: (role, own) =>
        freshUser(own ? role : 'school_admin', own ? orgOf(role) : (ids.org['yutaza-school'] as string)),
    },
    'GET /directions/:id': { object: (_role, own) => ids.dir[own ? 'career_guidance' : 'patriotic'] as string },
    'PATCH /directions/:id': {
      object: (_role, own) => ids.dir[own ? 'career_guidance' : 'patriotic'] as string,
      body: unchanged('directions', 'name'),
    },
    'DELETE /directions/:id': {
      object: async () => (await post('/directions', { code: `matrix_${next()}`, name: 'Проверка доступа' })).id,
    },
    'GET /agreements/:id': { object: (_role, own) => (own ? ids.agreement.own : ids.agreement.foreign) },
    'PATCH /agreements/:id': {
      object: (_role, own) => (own ? ids.agreement.draft : ids.agreement.foreign),
      body: unchanged('agreements', 'number'),
    },
    'DELETE /agreements/:id': { object: (_role, own) => freshAgreement(own) },
    'POST /agreements/:id/sign': {
      object: (_role, own) => freshAgreement(own),
      body: (role) => ({ party: role === 'school_admin' ? 'school' : 'partner', signedOn: '2026-11-01' }),
    },
    'POST /agreements/:id/terminate': {
      object: (_role, own) => freshAgreement(own, true),
      body: () => ({ terminatedOn: '2026-11-28', reason: 'Проверка матрицы доступа' }),
    },
    'POST /agreements/:id/scan': { object: (_role, own) => freshAgreement(own), raw: PDF },
    'GET /agreements/:id/scan': { object: (_role, own) => (own ? ids.agreement.own : ids.agreement.foreign) },
    'GET /agreements/:id/amendments': { object: (_role, own) => (own ? ids.agreement.own : ids.agreement.foreign) },
    'POST /agreements/:id/amendments': {
      object: (_role, own) => freshAgreement(own, true),
      body: () => ({ effectiveOn: '2026-11-28', changes: { noticeDays: 45 } }),
    },
    'POST /agreements/:id/amendments/:number/sign': {
      object: (_role, own) => amendedAgreement(own),
      body: (role) => ({ party: role === 'school_admin' ? 'school' : 'partner', signedOn: '2026-11-28' }),
    },
    'DELETE /agreements/:id/amendments/:number': { object: (_role, own) => amendedAgreement(own) },
    'GET /plans/:id': {
      object: (role, own) => (!own ? ids.plan.foreign : role === 'partner_rep' ? ids.plan.annexed : ids.plan.own),
    },
    'PATCH /plans/:id': {
      object: (_role, own) => (own ? ids.plan.annexed : ids.plan.foreign),
      body: unchanged('plans', 'title'),
    },
    'DELETE /plans/:id': { object: (_role, own) => freshPlan(own) },
    'POST /plans/:id/submit': { object: (_role, own) => freshPlan(own) },
    'POST /plans/:id/approve': { object: (_role, own) => freshPlan(own, true) },
    'POST /plans/:id/return': {
      object: (_role, own) => freshPlan(own, true),
      body: () => ({ comment: 'Доработайте план' }),
    },
    'GET /plans/:id/activities': {
      object: (role, own) => (!own ? ids.plan.foreign : role === 'partner_rep' ? ids.plan.annexed : ids.plan.own),
    },
    'POST /plans/:id/activities': {
      object: (_role, own) => (own ? ids.plan.own : ids.plan.foreign),
      body: () => activityBody(null),
    },
    'GET /activities/:id': { object: (_role, own) => (own ? ids.activity.own : ids.activity.foreign) },
    'PATCH /activities/:id': {
      object: (_role, own) => (own ? ids.activity.own : ids.activity.foreign),
      body: unchanged('activities', 'title'),
    },
    'DELETE /activities/:id': { object: (_role, own) => freshActivity(own) },
    'POST /activities/:id/outcome': {
      object: (_role, own) => freshActivity(own),
      body: () => ({ status: 'cancelled', reason: 'Проверка матрицы доступа' }),
    },
    'POST /activities/:id/confirm': {
      object: (_role, own) => freshActivity(own),
      body: () => ({ comment: 'Проверка матрицы доступа' }),
    },
    'GET /labour-needs/:id': {
      object: (role, own) => (!own ? ids.need.foreign : role === 'partner_rep' ? ids.need.tapart : ids.need.district),
    },
    'PATCH /labour-needs/:id': {
      object: (role, own) => (!own ? ids.need.foreign : role === 'partner_rep' ? ids.need.tapart : ids.need.district),
      body: unchanged('labour-needs', 'profession'),
    },
    'DELETE /labour-needs/:id': {
      object: (role, own) =>
        freshNeed(
          !own ? (ids.org['yutaza-elevator'] as string) : role === 'partner_rep' ? (ids.org['tapart'] as string) : null,
        ),
    },
    'GET /placements/:id': { object: (_role, own) => (own ? ids.placement.own : ids.placement.foreign) },
    'PATCH /placements/:id': {
      object: (_role, own) => (own ? ids.placement.own : ids.placement.foreign),
      body: unchanged('placements', 'jobTitle'),
    },
    'DELETE /placements/:id': { object: (_role, own) => freshPlacement(own) },
    'GET /documents/:id': { object: (_role, own) => (own ? ids.document.own : ids.document.foreign) },
    'PATCH /documents/:id': {
      object: (_role, own) => (own ? ids.document.own : ids.document.foreign),
      body: unchanged('documents', 'title'),
    },
    'DELETE /documents/:id': {
      object: (role, own) => freshDocument([own ? orgOf(role) : (ids.org['yutaza-school'] as string)]),
    },
    'POST /documents/:id/send': {
      object: (role, own) => freshDocument([own ? orgOf(role) : (ids.org['yutaza-school'] as string)]),
      body: (role) => ({ recipientIds: [orgOf(role)] }),
    },
    'POST /documents/:id/close': {
      object: (role, own) => freshDocument([own ? orgOf(role) : (ids.org['yutaza-school'] as string)]),
      body: (role) => ({ organisationId: orgOf(role) }),
    },
    'POST /documents/:id/reissue': {
      object: (role, own) => freshDocument([own ? orgOf(role) : (ids.org['yutaza-school'] as string)]),
      body: () => ({ reason: 'Проверка матрицы доступа', version: 1 }),
    },
    'POST /documents/:id/receive': {
      object: (role, own) => freshDocument([own ? orgOf(role) : (ids.org['yutaza-school'] as string)]),
    },
    'POST /documents/:id/acknowledge': {
      object: (role, own) => freshDocument([own ? orgOf(role) : (ids.org['yutaza-school'] as string)]),
      body: () => ({ comment: 'Ознакомлены' }),
    },
    'POST /documents/:id/respond': {
      object: (role, own) => freshDocument([own ? orgOf(role) : (ids.org['yutaza-school'] as string)]),
      body: () => ({ response: 'План направлен' }),
    },
    'POST /notifications/:id/read': {
      object: (role, own) =>
        freshNotification(ids.user[own ? role : role === 'school_admin' ? 'partner_rep' : 'school_admin']),
    },
    'GET /documents/:id/recipients': { object: (_role, own) => (own ? ids.document.own : ids.document.foreign) },
    'PUT /documents/:id/recipients/:orgId/response-file': {
      object: (role, own) => freshDocument([own ? orgOf(role) : (ids.org['yutaza-school'] as string)]),
      raw: PDF,
    },
    // another school's response file: the document was sent to it and it attached one
    'GET /documents/:id/recipients/:orgId/response-file': {
      object: (role, own) => documentWithResponseFile(own ? role : null),
    },
    'GET /documents/:id/files': { object: (_role, own) => (own ? ids.document.own : ids.document.foreign) },
    'POST /documents/:id/files': {
      object: (role, own) => freshDocument([own ? orgOf(role) : (ids.org['yutaza-school'] as string)]),
      raw: PDF,
    },
    'GET /documents/:id/files/:fileId': {
      object: (role, own) => documentWithFile([own ? orgOf(role) : (ids.org['yutaza-school'] as string)]),
    },
    'DELETE /documents/:id/files/:fileId': {
      object: (role, own) => documentWithFile([own ? orgOf(role) : (ids.org['yutaza-school'] as string)]),
    },
    'GET /enrolment/:id': { object: (_role, own) => (own ? ids.enrolment.own : ids.enrolment.foreign) },
    'PATCH /enrolment/:id': {
      object: (_role, own) => (own ? ids.enrolment.own : ids.enrolment.foreign),
      body: async (_role, id) =>
        id === MISSING ? { version: 1, aged14: 5 } : { version: (await get(`/enrolment/${id}`)).version, aged14: 5 },
    },
    'DELETE /enrolment/:id': { object: (_role, own) => freshEnrolment(own) },
  };

  const call = async (
    key: string,
    role: CallerRole,
    id: string,
    body: object | undefined,
    raw: Buffer | undefined,
  ): Promise<Response> => {
    const [method, path] = key.split(' ') as [string, string];
    const req = t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](
      `/api/v1${path
        .replace(/:id/g, id)
        .replace(/:orgId/g, orgOf(role))
        .replace(/:number/g, '1')
        .replace(/:fileId/g, fileOf.get(id) ?? MISSING)}`,
    ).set(await bearer(role));
    if (raw) return req.set('Content-Type', 'application/pdf').send(raw);
    return body === undefined ? req : req.send(body);
  };

  beforeAll(async () => {
    t = await bootApp();
    const org = Object.fromEntries((await items('/organisations?limit=100')).map((o) => [o['slug'] as string, o.id]));
    const dir = Object.fromEntries((await items('/directions?limit=100')).map((d) => [d['code'] as string, d.id]));
    const [gym, yut] = [org['urussu-gymnasium'] as string, org['yutaza-school'] as string];
    const users = await items('/users?limit=100');
    const gymAgreements = await items(`/agreements?schoolId=${gym}&limit=100`);
    const yutAgreements = await items(`/agreements?schoolId=${yut}&limit=100`);
    const currentPlan = async (orgId: string) =>
      pick(
        await items(`/plans?organisationId=${orgId}&academicYear=2026-2027`),
        'plan of 2026-2027',
        (p) => p['agreementId'] === null,
      );
    const gymActivities = await items(`/activities?organisationId=${gym}&academicYear=2026-2027&limit=100`);
    const yutActivities = await items(`/activities?organisationId=${yut}&academicYear=2026-2027&limit=100`);
    const needs = await items('/labour-needs?academicYear=2026-2027&limit=100');
    ids = {
      org,
      dir,
      user: {
        school_admin: pick(users, 'school admin', (u) => u['role'] === 'school_admin' && u['organisationId'] === gym),
        partner_rep: pick(
          users,
          'partner representative',
          (u) => u['role'] === 'partner_rep' && u['organisationId'] === org['tapart'],
        ),
      },
      foreignUser: '',
      agreement: {
        own: pick(gymAgreements, 'gymnasium–Tapart agreement', (a) => a['partnerId'] === org['tapart']),
        foreign: pick(yutAgreements, 'Yutaza school agreement', (a) => a['partnerId'] === org['yutaza-elevator']),
        draft: '',
      },
      plan: { own: await currentPlan(gym), foreign: await currentPlan(yut), annexed: '' },
      activity: {
        own: pick(gymActivities, 'gymnasium activity with Tapart', (a) => a['partnerId'] === org['tapart']),
        foreign: pick(yutActivities, 'Yutaza activity without Tapart', (a) => a['partnerId'] === org['czn-yutazy']),
      },
      need: {
        district: pick(needs, 'district-wide labour need', (n) => n['employerId'] === null),
        tapart: pick(needs, 'Tapart labour need', (n) => n['employerId'] === org['tapart']),
        foreign: pick(needs, 'Yutaza elevator labour need', (n) => n['employerId'] === org['yutaza-elevator']),
      },
      placement: {
        own: pick(
          await items(`/placements?schoolId=${gym}&limit=100`),
          'gymnasium placement at Tapart',
          (p) => p['employerId'] === org['tapart'],
        ),
        foreign: pick(await items(`/placements?schoolId=${yut}&limit=100`), 'Yutaza school placement', () => true),
      },
      document: { own: '', foreign: '' },
      enrolment: { own: '', foreign: '' },
    };
    // Objects the demo data lacks: a user of another school, a draft agreement, a plan annexed to the
    // gymnasium–Tapart agreement, non-public documents sent to the caller's organisations or to another school.
    ids.foreignUser = await freshUser('school_admin', yut);
    ids.agreement.draft = await freshAgreement(true);
    ids.plan.annexed = (
      await post('/plans', {
        organisationId: gym,
        academicYear: '2026-2027',
        agreementId: ids.agreement.own,
        title: 'План по соглашению с заводом «Тапарт»',
      })
    ).id;
    ids.document.own = await freshDocument([gym, org['tapart'] as string]);
    ids.document.foreign = await freshDocument([yut]);
    ids.enrolment = { own: await freshEnrolment(true), foreign: await freshEnrolment(false) };
    expect((await items('/documents?limit=100')).length).toBeGreaterThanOrEqual(3);
    // both agreements carry a scan, so a refused download is about access, not a missing file
    for (const id of [ids.agreement.own, ids.agreement.foreign])
      expectStatus(
        await t.http
          .post(`/api/v1/agreements/${id}/scan`)
          .set(await bearer('coordinator'))
          .set('Content-Type', 'application/pdf')
          .send(PDF),
        200,
        'scan',
      );
  });
  afterAll(() => t.close());

  it('lists every :id route of the contract in the matrix table, and nothing else', () => {
    const routes = ID_ROUTES.map(keyOf);
    expect(routes.filter((k) => !(k in MATRIX)).map((k) => `route missing from the matrix table: ${k}`)).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !routes.includes(k))).toEqual([]);
    expect(routes.filter((k) => !(k in REQUESTS))).toEqual([]);
  });

  it('expects 403 on every object for a role the route policy does not allow, and never 403 for a role it allows', () => {
    const problems: string[] = [];
    for (const r of ID_ROUTES) {
      const row = MATRIX[keyOf(r)];
      if (!row) continue;
      for (const role of CALLERS) {
        const allowed = r.access !== 'public' && r.access.includes(role);
        if (!allowed && row[role].some((s) => s !== 403))
          problems.push(`${keyOf(r)} ${role}: not allowed but expects ${row[role].join('/')}`);
        if (allowed && row[role].includes(403)) problems.push(`${keyOf(r)} ${role}: allowed but expects 403`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(MATRIX_ROWS)('answers %s for a %s on a %s object as the matrix table says', async (key, role, who) => {
    const row = MATRIX[key];
    if (!row) throw new Error(`route missing from the matrix table: ${key}`);
    const expected = row[role][WHO.indexOf(who)] as number;
    const spec = REQUESTS[key];
    if (!spec) throw new Error(`no request for the route: ${key}`);
    const id = who === 'missing' ? MISSING : await spec.object(role, who === 'own');
    const body = spec.body ? await spec.body(role, id) : undefined;
    const res = await call(key, role, id, body, spec.raw);
    if (res.status !== expected)
      throw new Error(
        `${key} as ${role} on ${who} object: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`,
      );
    if (res.status >= 400) expect(res.body).toMatchObject({ statusCode: res.status, message: expect.any(String) });
    if (who === 'foreign' && res.status === 404) {
      // exactly like a missing one: same status, rule and message
      const missing = await call(key, role, MISSING, spec.body ? await spec.body(role, MISSING) : undefined, spec.raw);
      expect({ status: res.status, rule: res.body.rule, message: res.body.message }).toEqual({
        status: missing.status,
        rule: missing.body.rule,
        message: missing.body.message,
      });
    }
  });
});
