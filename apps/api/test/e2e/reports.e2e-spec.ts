import ExcelJS from 'exceljs';
import type { Response } from 'supertest';

import { bootApp, TestApp } from './harness';

/** Collects a response body as bytes whatever its content type. */
const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** A small RFC 4180 parser: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) field += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

describe('Reports API: GET /reports/summary', () => {
  let t: TestApp;
  let coord: string;
  let schoolId: string;
  const INJECTED = '=HYPERLINK("http://evil.example","click")';

  const ok = (res: Response, status: number, what: string) => {
    if (res.status !== status)
      throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const get = (path: string, token = coord) => t.http.get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const post = (path: string, body: object, token = coord) =>
    t.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body);
  const file = (path: string) => get(path).buffer(true).parse(binary);

  /**
   * The fixed dataset, built through the API: one school (профминимум basic, 40 h, from 2023-2024), one employer partner,
   * a cooperation agreement signed by both for 2019-09-01…2020-08-31, an approved 2019-2020 plan with
   * 3 activities (career-guidance excursion with the partner, 3 h, grades 8–9, held with 10; own career
   * lesson, 2 h, grade 9, held with 7; culture master class with the partner, cancelled) and a document
   * issued 2020-02-01, due 2020-02-20, sent to the school and never acknowledged.
   */
  let fixture: { planId: string; partnerId: string; dir: (code: string) => string };
  beforeAll(async () => {
    t = await bootApp();
    t.clock.pin('2020-06-01');
    coord = await t.as('coordinator');
    const dirs = ok(await get('/directions?limit=100'), 200, 'directions').items as { id: string; code: string }[];
    const dir = (code: string) => (dirs.find((d) => d.code === code) as { id: string }).id;
    schoolId = ok(
      await post('/organisations', {
        kind: 'school',
        name: 'МБОУ «Тестовая школа отчёта»',
        shortName: 'Тестовая школа',
        slug: 'report-test-school',
      }),
      201,
      'school',
    ).id;
    const partnerId = ok(
      await post('/organisations', {
        kind: 'partner',
        partnerType: 'employer',
        name: 'ООО «Тестовый работодатель»',
        shortName: 'Работодатель',
        slug: 'report-test-employer',
      }),
      201,
      'partner',
    ).id;
    const agreement = ok(
      await post('/agreements', {
        number: 'ОТЧ-1',
        kind: 'cooperation',
        schoolId,
        partnerId,
        subject: 'Профориентация обучающихся',
        goal: 'Знакомство с профессиями предприятия',
        directionIds: [dir('career_guidance')],
        obligations: [
          { party: 'school', text: 'Организует участие обучающихся' },
          { party: 'partner', text: 'Проводит экскурсии' },
        ],
        responsibleRoles: { school: 'Заместитель директора', partner: 'Специалист по кадрам' },
        startsOn: '2019-09-01',
        endsOn: '2020-08-31',
      }),
      201,
      'agreement',
    );
    ok(await post(`/agreements/${agreement.id}/sign`, { party: 'school', signedOn: '2019-09-01' }), 200, 'sign school');
    ok(
      await post(`/agreements/${agreement.id}/sign`, { party: 'partner', signedOn: '2019-09-01' }),
      200,
      'sign partner',
    );
    const plan = ok(
      await post('/plans', { organisationId: schoolId, academicYear: '2019-2020', agreementId: agreement.id }),
      201,
      'plan',
    );
    fixture = { planId: plan.id, partnerId, dir };
    const activity = async (body: object) =>
      ok(await post(`/plans/${plan.id}/activities`, body), 201, 'activity').id as string;
    const a1 = await activity({
      title: 'Экскурсия на предприятие',
      directionId: dir('career_guidance'),
      form: 'excursion',
      partnerId,
      startsOn: '2019-10-10',
      targetGrades: [8, 9],
      plannedParticipants: 12,
      hours: 3,
    });
    const a2 = await activity({
      title: 'Профориентационный урок',
      directionId: dir('career_guidance'),
      form: 'career_lesson',
      startsOn: '2020-02-05',
      targetGrades: [9],
      plannedParticipants: 8,
      hours: 2,
    });
    const a3 = await activity({
      title: INJECTED,
      directionId: dir('culture'),
      form: 'master_class',
      partnerId,
      startsOn: '2020-04-15',
      targetGrades: [5],
      plannedParticipants: 10,
      hours: 1,
    });
    ok(await post(`/plans/${plan.id}/submit`, {}), 200, 'submit');
    ok(await post(`/plans/${plan.id}/approve`, {}), 200, 'approve');
    ok(
      await post(`/activities/${a1}/outcome`, {
        status: 'held',
        heldOn: '2019-10-10',
        actualParticipants: 10,
        result: 'Проведена',
      }),
      200,
      'held 1',
    );
    ok(
      await post(`/activities/${a2}/outcome`, {
        status: 'held',
        heldOn: '2020-02-05',
        actualParticipants: 7,
        result: 'Проведён',
      }),
      200,
      'held 2',
    );
    ok(await post(`/activities/${a3}/outcome`, { status: 'cancelled', reason: 'Карантин' }), 200, 'cancelled');
    const doc = ok(
      await post('/documents', {
        number: 'ОТЧ-Д1',
        title: 'Письмо о планах',
        issuedOn: '2020-02-01',
        dueOn: '2020-02-20',
      }),
      201,
      'document',
    );
    ok(await post(`/documents/${doc.id}/send`, { recipientIds: [schoolId] }), 200, 'send');
  });
  afterAll(() => t.close());

  // Computed by hand from the dataset above.
  const expected = {
    agreementsActive: 1, // signed by both, in force on 2020-08-31
    partners: 1, // the employer (agreement and activity)
    activitiesPlanned: 3,
    activitiesHeld: 2,
    activitiesCancelled: 1,
    planExecution: 0.6667, // 2 ÷ 3, 4 decimals
    participants: 17, // 10 + 7
    careerGuidanceHours: 5, // 3 + 2, each activity once
    placements: 0,
    placementsWithFindings: 0,
    documentRecipients: 1,
    documentsAcknowledged: 0,
    documentsOverdue: 1, // due 2020-02-20, today 2020-06-01
    agreementsWithoutPlan: 0, // the agreement's partner has activities with the school in 2019-2020
    placementsBlocked: 0,
    placementsBlockedStarted: 0,
  };
  const q = () => `/reports/summary?period=2019-2020&organisationId=${schoolId}`;

  it('answers the indicators of one school as JSON, each equal to the hand count', async () => {
    const body = ok(await get(q()), 200, 'report');
    expect(body.period).toEqual({
      kind: 'academic_year',
      label: '2019-2020',
      startsOn: '2019-09-01',
      endsOn: '2020-08-31',
    });
    expect(body.totals).toEqual(expected);
    expect(body.schools).toEqual([{ organisationId: schoolId, name: 'МБОУ «Тестовая школа отчёта»', ...expected }]);
    const byDir = Object.fromEntries(body.byDirection.map((r: { key: string }) => [r.key, r]));
    expect(byDir['career_guidance']).toMatchObject({
      activitiesPlanned: 2,
      activitiesHeld: 2,
      planExecution: 1,
      participants: 17,
      hours: 5,
    });
    expect(byDir['culture']).toMatchObject({
      activitiesPlanned: 1,
      activitiesHeld: 0,
      activitiesCancelled: 1,
      planExecution: 0,
    });
    expect(body.byForm.map((r: { key: string }) => r.key).sort()).toEqual([
      'career_lesson',
      'excursion',
      'master_class',
    ]);
    // names in the report's language (Russian by default), not codes
    expect(body.byForm.find((r: { key: string }) => r.key === 'excursion')?.name).toBe('Экскурсия');
    const byType = Object.fromEntries(body.byPartnerType.map((r: { key: string }) => [r.key, r]));
    expect(byType['employer']).toMatchObject({ partners: 1, activitiesPlanned: 2, activitiesHeld: 1 });
    expect(byType['employer'].name).not.toBe('employer');
    expect(byType['own']).toMatchObject({ activitiesPlanned: 1, activitiesHeld: 1, name: 'Без партнёра' });
    const english = ok(await get(`${q()}&lang=en`), 200, 'report in English');
    expect(english.byForm.find((r: { key: string }) => r.key === 'excursion')?.name).toBe('Excursion');
    expect(english.byPartnerType.find((r: { key: string }) => r.key === 'own')?.name).toBe('No partner');
    const career = body.careerGuidance[0];
    // 2019-2020 is before the профминимум (E1, from 01.09.2023): hours are shown, no level is required
    expect(career).toMatchObject({
      organisationId: schoolId,
      level: null,
      required: null,
      gradesMet: null,
      share: null,
    });
    expect(Object.fromEntries(career.grades.map((g: { grade: number; hours: number }) => [g.grade, g.hours]))).toEqual({
      6: 0,
      7: 0,
      8: 3,
      9: 5,
      10: 0,
      11: 0,
    });
    expect(body.documents).toMatchObject({ recipients: 1, onTime: 0, overdue: 1, medianDaysToAcknowledge: null });
  });

  it('applies the school’s профминимум level from 2023-2024 on, not before (E1)', async () => {
    const before = ok(await get(`/reports/summary?period=2022-2023&organisationId=${schoolId}`), 200, '2022-2023');
    expect(before.careerGuidance[0]).toMatchObject({ level: null, required: null });
    // today is in 2019-2020, when a school has no level: the level is set on its 2023-2024 enrolment record
    ok(
      await post('/enrolment', { organisationId: schoolId, academicYear: '2023-2024', profminimumLevel: 'basic' }),
      201,
      'enrolment',
    );
    const after = ok(await get(`/reports/summary?period=2023-2024&organisationId=${schoolId}`), 200, '2023-2024');
    expect(after.careerGuidance[0]).toMatchObject({ level: 'basic', required: 40, gradesMet: 0 });
  });

  it('counts the district with the new school among the schools and totals at least as large', async () => {
    const body = ok(await get('/reports/summary?period=2019-2020'), 200, 'district');
    const mine = body.schools.find((s: { organisationId: string }) => s.organisationId === schoolId);
    expect(mine).toMatchObject(expected);
    expect(body.totals.activitiesPlanned).toBeGreaterThanOrEqual(3);
    expect(body.totals.planExecution).toBeGreaterThanOrEqual(0);
    expect(body.totals.planExecution).toBeLessThanOrEqual(1);
  });

  it('narrows to a term: only the October excursion falls in 2019-2020:q1', async () => {
    const body = ok(await get(`/reports/summary?period=2019-2020:q1&organisationId=${schoolId}`), 200, 'q1');
    expect(body.period.kind).toBe('term');
    expect(body.totals).toMatchObject({
      activitiesPlanned: 1,
      activitiesHeld: 1,
      participants: 10,
      careerGuidanceHours: 3,
      planExecution: 1,
    });
  });

  it('writes the same numbers into XLSX, with a frozen header and the injected title neutralised', async () => {
    const res = await file(`${q()}&format=xlsx&lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="socium-report-2019-2020.xlsx"; filename*=UTF-8''socium-report-2019-2020.xlsx`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Indicators',
      'By school',
      'By direction',
      'By form',
      'By partner type',
      'Activities',
    ]);
    const summary = wb.getWorksheet('Summary') as ExcelJS.Worksheet;
    expect(summary.getRow(1).values).toEqual([undefined, 'code', 'Indicator', 'Value']);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const values: Record<string, unknown> = {};
    summary.eachRow((row, n) => n > 1 && (values[String(row.getCell(1).value)] = row.getCell(3).value));
    for (const [k, v] of Object.entries(expected)) expect([k, values[k]]).toEqual([k, v]);
    expect(summary.getRow(1 + 1 + 6).getCell(3).numFmt).toBe('0.0%');
    const schools = wb.getWorksheet('By school') as ExcelJS.Worksheet;
    expect(schools.getRow(2).getCell(1).value).toBe('МБОУ «Тестовая школа отчёта»');
    expect(schools.getRow(2).getCell(8).value).toBe(17); // participants
    expect([schools.getRow(2).getCell(1).numFmt, schools.getRow(2).getCell(8).numFmt]).toEqual(['@', '0']); // per column
    expect(summary.getRow(2).getCell(3).numFmt).not.toBe('0.0%'); // the percentage is that one cell's
    const titles: unknown[] = [];
    (wb.getWorksheet('Activities') as ExcelJS.Worksheet).eachRow((row) => titles.push(row.getCell(3).value));
    expect(titles).toContain(`'${INJECTED}`);
    expect(titles).not.toContain(INJECTED);
  });

  it('writes CSV (UTF-8 BOM, CRLF) for the summary and each named breakdown', async () => {
    const res = await file(`${q()}&format=csv&lang=ru`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('filename="socium-report-2019-2020.csv"');
    const buf = res.body as Buffer;
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['code', 'Показатель', 'Значение']);
    const values = Object.fromEntries(rows.slice(1).map((r) => [r[0], r[2]]));
    for (const [k, v] of Object.entries(expected)) expect([k, values[k]]).toEqual([k, String(v)]);
    const acts = parseCsv((await file(`${q()}&format=csv&table=activities`)).body.subarray(3).toString('utf8'));
    expect(acts).toHaveLength(4);
    expect(acts.map((r) => r[2])).toContain(`'${INJECTED}`);
    const schools = parseCsv((await file(`${q()}&format=csv&table=schools&lang=tt`)).body.subarray(3).toString('utf8'));
    expect(schools[0]?.[0]).toBe('Мәктәп');
    expect(schools[1]?.[7]).toBe('17');
  });

  it('writes a PDF with an embedded Cyrillic font', async () => {
    const res = await file(`${q()}&format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const buf = res.body as Buffer;
    expect(buf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(buf.length).toBeGreaterThan(5_000);
    expect(buf.toString('latin1')).toContain('DejaVuSans');
  });

  it('refuses a malformed period with 400 listing the accepted forms', async () => {
    const res = await get('/reports/summary?period=2019/20').set('Accept-Language', 'en');
    expect(res.status).toBe(400);
    expect(res.body.rule).toBe('period.invalid');
    for (const form of ['2019-2020', '2019-2020:q1', '2020-Q1', '2020-H1', 'summer-2020'])
      expect(res.body.message).toContain(form);
  });

  it('refuses an unknown table, format or field with 400', async () => {
    expect((await get(`${q()}&format=csv&table=nope`)).status).toBe(400);
    expect((await get(`${q()}&format=doc`)).status).toBe(400);
    const res = await get(`${q()}&evil=1`);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'evil' })]));
  });

  it('gives a school admin their own school and answers 404 for another school', async () => {
    const admin = await t.as('school_admin');
    const own = ok(await get('/reports/summary?period=2019-2020', admin), 200, 'own school');
    expect(own.schools).toHaveLength(1);
    expect(own.schools[0].organisationId).not.toBe(schoolId);
    const other = await get(`/reports/summary?period=2019-2020&organisationId=${schoolId}`, admin);
    expect(other.status).toBe(404);
  });

  it('refuses a partner representative with 403 and a missing token with 401', async () => {
    expect((await get('/reports/summary?period=2019-2020', await t.as('partner_rep'))).status).toBe(403);
    expect((await t.http.get('/api/v1/reports/summary?period=2019-2020')).status).toBe(401);
  });

  it('answers 404 for an unknown organisation', async () => {
    expect((await get('/reports/summary?period=2019-2020&organisationId=nope')).status).toBe(404);
  });

  it("gives district breakdowns equal to the sum of the schools' own breakdowns (both aggregation paths agree)", async () => {
    // two more planned activities of the fixture school on one day, same form, different directions and partners:
    // the district path groups per day first, so they must not merge (added last: the hand counts above stay)
    const more = async (body: object) =>
      ok(await post(`/plans/${fixture.planId}/activities`, body), 201, 'activity').id as string;
    await more({
      title: 'Мастер-класс профессий',
      directionId: fixture.dir('career_guidance'),
      form: 'master_class',
      partnerId: fixture.partnerId,
      startsOn: '2020-03-03',
      targetGrades: [9],
      plannedParticipants: 9,
      hours: 2,
    });
    await more({
      title: 'Мастер-класс по рисованию',
      directionId: fixture.dir('culture'),
      form: 'master_class',
      startsOn: '2020-03-03',
      targetGrades: [7],
      plannedParticipants: 6,
      hours: 1.5,
    });
    const district = ok(await get('/reports/summary?period=2019-2020'), 200, 'district');
    type Row = {
      key: string;
      activitiesPlanned: number;
      activitiesHeld: number;
      activitiesCancelled: number;
      participants: number;
      hours: number;
    };
    const sums = {
      byDirection: new Map<string, number[]>(),
      byForm: new Map<string, number[]>(),
      byPartnerType: new Map<string, number[]>(),
    };
    const add = (m: Map<string, number[]>, r: Row) => {
      const v = m.get(r.key) ?? [0, 0, 0, 0, 0];
      m.set(r.key, [
        v[0] + r.activitiesPlanned,
        v[1] + r.activitiesHeld,
        v[2] + r.activitiesCancelled,
        v[3] + r.participants,
        Math.round((v[4] + r.hours) * 10_000) / 10_000,
      ]);
    };
    expect(district.schools.length).toBeGreaterThan(1);
    for (const school of district.schools as { organisationId: string }[]) {
      const one = ok(
        await get(`/reports/summary?period=2019-2020&organisationId=${school.organisationId}`),
        200,
        'school',
      );
      for (const key of ['byDirection', 'byForm', 'byPartnerType'] as const)
        for (const r of one[key] as Row[]) add(sums[key], r);
    }
    for (const key of ['byDirection', 'byForm', 'byPartnerType'] as const) {
      const got = new Map<string, number[]>();
      for (const r of district[key] as Row[]) add(got, r);
      expect([...got.entries()].sort()).toEqual([...sums[key].entries()].sort());
    }
    expect(district.byPartnerType.length).toBeGreaterThan(1);
  });

  it('refuses to delete an organisation that is the partner of an activity with 409, so no report loses its type', async () => {
    const museum = ok(
      await post('/organisations', {
        kind: 'partner',
        partnerType: 'culture',
        name: 'Музей без соглашения',
        shortName: 'Музей',
        slug: 'report-test-museum',
      }),
      201,
      'museum',
    ).id as string;
    ok(
      await post(`/plans/${fixture.planId}/activities`, {
        title: 'Экскурсия в музей',
        directionId: fixture.dir('culture'),
        form: 'excursion',
        partnerId: museum,
        startsOn: '2020-03-10',
        targetGrades: [6],
        plannedParticipants: 20,
        hours: 2,
      }),
      201,
      'activity',
    );
    const res = await t.http.delete(`/api/v1/organisations/${museum}`).set('Authorization', `Bearer ${coord}`);
    expect(res.status).toBe(409);
    expect(res.body.rule).toBe('organisation.in-use');
    const district = ok(await get('/reports/summary?period=2019-2020'), 200, 'district');
    expect(district.byPartnerType.find((r: { key: string }) => r.key === 'culture')).toMatchObject({
      partners: expect.any(Number),
    });
  });
});
