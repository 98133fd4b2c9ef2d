import { ReportSummary } from '@socium/contracts';

import type { Knex } from '@mikro-orm/knex';
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

const INDICATOR_KEYS = [
  'activeAgreementsByKind',
  'partnersByType',
  'schoolsWithEmployerPartnerShare',
  'agreementFlows',
  'planExecution',
  'jointEventsByForm',
  'studentCoverage',
  'profminimum',
  'trialsAndExcursions',
  'demandedProfessionsCovered',
  'summerEmployment',
  'placementCompliance',
  'documentAcknowledgement',
  'websiteTimeliness',
];

type Indicator = { name: string; value: number | null; reason?: string; message?: string } & Record<string, unknown>;

/**
 * The report's fourteen G2 indicators (issue 14 item 6) through the API, on a dataset built through it: one school
 * (профминимум basic) with an employer partner, an auto-renewing cooperation agreement 2023-09-01…2024-08-31, an
 * approved 2023-2024 plan (a public excursion held on 2023-10-10 by 10 pupils of grades 8–9, its outcome recorded two
 * days later; a public профпроба held on 2024-02-06 by 5 pupils of grade 10, recorded on 2024-06-01; a cancelled
 * master class) and the school's 2023-2024 enrolment (80 pupils, 60 in grades 6–11; 10 aged 14, 10 aged 15, 15 aged
 * 16–17), inserted as the enrolment screen would store it.
 */
describe('Reports API: the fourteen indicators of GET /reports/summary', () => {
  let t: TestApp;
  let coord: string;
  let schoolId: string;

  const ok = (res: Response, status: number, what: string) => {
    if (res.status !== status)
      throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const get = (path: string) => t.http.get(`/api/v1${path}`).set('Authorization', `Bearer ${coord}`);
  const post = (path: string, body: object) =>
    t.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${coord}`).send(body);
  const indicators = async (query: string): Promise<Record<string, Indicator>> =>
    ok(await get(`/reports/summary?${query}`), 200, query).indicators;

  beforeAll(async () => {
    t = await bootApp();
    t.clock.pin('2023-10-12');
    coord = await t.as('coordinator');
    const dirs = ok(await get('/directions?limit=100'), 200, 'directions').items as { id: string; code: string }[];
    const dir = (code: string) => (dirs.find((d) => d.code === code) as { id: string }).id;
    schoolId = ok(
      await post('/organisations', {
        kind: 'school',
        name: 'МБОУ «Школа показателей»',
        shortName: 'Школа показателей',
        slug: 'indicators-school',
        profminimumLevel: 'basic',
      }),
      201,
      'school',
    ).id;
    const partnerId = ok(
      await post('/organisations', {
        kind: 'partner',
        partnerType: 'employer',
        name: 'АО «Предприятие показателей»',
        shortName: 'Предприятие',
        slug: 'indicators-employer',
      }),
      201,
      'partner',
    ).id;
    const agreement = ok(
      await post('/agreements', {
        number: 'ПОК-1',
        kind: 'cooperation',
        schoolId,
        partnerId,
        subject: 'Профориентация обучающихся',
        goal: 'Знакомство с профессиями предприятия',
        directionIds: [dir('career_guidance')],
        obligations: [
          { party: 'school', text: 'Организует участие обучающихся' },
          { party: 'partner', text: 'Проводит экскурсии и профпробы' },
        ],
        responsibleRoles: { school: 'Заместитель директора', partner: 'Специалист по кадрам' },
        startsOn: '2023-09-01',
        endsOn: '2024-08-31',
        autoRenew: true,
        noticeDays: 30,
      }),
      201,
      'agreement',
    );
    for (const party of ['school', 'partner'])
      ok(await post(`/agreements/${agreement.id}/sign`, { party, signedOn: '2023-09-01' }), 200, `sign ${party}`);
    const plan = ok(
      await post('/plans', { organisationId: schoolId, academicYear: '2023-2024', agreementId: agreement.id }),
      201,
      'plan',
    );
    const activity = async (body: object) =>
      ok(await post(`/plans/${plan.id}/activities`, body), 201, 'activity').id as string;
    const excursion = await activity({
      title: 'Экскурсия на предприятие',
      directionId: dir('career_guidance'),
      form: 'excursion',
      partnerId,
      startsOn: '2023-10-10',
      targetGrades: [8, 9],
      plannedParticipants: 12,
      hours: 3,
      isPublic: true,
    });
    const trial = await activity({
      title: 'Профессиональная проба',
      directionId: dir('career_guidance'),
      form: 'professional_trial',
      partnerId,
      startsOn: '2024-02-06',
      targetGrades: [10],
      plannedParticipants: 6,
      hours: 2,
      isPublic: true,
    });
    const masterClass = await activity({
      title: 'Мастер-класс',
      directionId: dir('culture'),
      form: 'master_class',
      partnerId,
      startsOn: '2024-04-16',
      targetGrades: [5],
      plannedParticipants: 10,
      hours: 1,
    });
    ok(await post(`/plans/${plan.id}/submit`, {}), 200, 'submit');
    ok(await post(`/plans/${plan.id}/approve`, {}), 200, 'approve');
    const held = (id: string, heldOn: string, actualParticipants: number) =>
      post(`/activities/${id}/outcome`, { status: 'held', heldOn, actualParticipants, result: 'Проведено' });
    ok(await held(excursion, '2023-10-10', 10), 200, 'excursion held');
    t.clock.pin('2024-06-01');
    ok(await held(trial, '2024-02-06', 5), 200, 'trial held');
    ok(await post(`/activities/${masterClass}/outcome`, { status: 'cancelled', reason: 'Карантин' }), 200, 'cancel');
    const knex = (t.orm.em as unknown as { getKnex(): Knex }).getKnex();
    const now = '2024-06-01T00:00:00.000Z';
    // a pinned clock moves only "today": the audit log keeps the real instant, so date the outcomes as recorded
    const recordedAt = async (id: string, at: string) =>
      knex('audit_entry').where({ object_type: 'activity', object_id: id, action: 'outcome:held' }).update({ at });
    await recordedAt(excursion, '2023-10-12T09:00:00.000Z');
    await recordedAt(trial, now);
    // the school's 2023-2024 record holds its level (set with the school, today being in 2023-2024): its pupils
    await knex('enrolment')
      .where({ organisation_id: schoolId, academic_year: '2023-2024' })
      .update({
        updated_at: now,
        pupils_by_grade: JSON.stringify({ '5': 20, '8': 25, '9': 25, '10': 10 }),
        aged14: 10,
        aged15: 10,
        aged16to17: 15,
      });
  });
  afterAll(() => t.close());

  const expectEveryIndicator = (all: Record<string, Indicator>) => {
    expect(Object.keys(all)).toEqual(INDICATOR_KEYS);
    for (const key of INDICATOR_KEYS) {
      const i = all[key];
      expect(typeof i.name).toBe('string');
      if (i.value === null) {
        expect(i.reason).toMatch(/^[a-z-]+\.[a-z-]+$/);
        expect(i.message).toEqual(expect.any(String));
      } else expect(typeof i.value).toBe('number');
    }
  };

  it('answers every indicator of one school, each equal to the hand count, named in Russian by default', async () => {
    const all = await indicators(`period=2023-2024&organisationId=${schoolId}`);
    expectEveryIndicator(all);
    expect(all['activeAgreementsByKind']).toMatchObject({
      name: 'Действующие соглашения по видам',
      value: 1,
      byKind: { cooperation: 1, social_partnership: 0, network_form: 0 },
    });
    expect(all['partnersByType']).toMatchObject({ value: 1, byType: [{ key: 'employer', value: 1 }] });
    expect(all['schoolsWithEmployerPartnerShare']).toMatchObject({ value: 1, schools: 1, schoolsWithEmployer: 1 });
    // the agreement rolls over on 2024-09-01: new, not expired
    expect(all['agreementFlows']).toMatchObject({ value: 1, new: 1, expired: 0, renewed: 0 });
    expect(all['planExecution']).toMatchObject({ value: 0.6667, planned: 3, held: 2, cancelled: 1 });
    expect(all['jointEventsByForm']).toMatchObject({ value: 2 });
    expect(all['jointEventsByForm']['byForm']).toEqual(
      expect.arrayContaining([{ key: 'excursion', name: 'Экскурсия', value: 1 }]),
    );
    expect(all['studentCoverage']).toMatchObject({
      value: 0.1875, // 15 ÷ 80
      participants: 15,
      enrolment: 80,
      grades6to11: 0.25, // 15 ÷ 60
    });
    // 3 h in grades 8–9 and 2 h in grade 10 are far below the basic level's 40 h
    expect(all['profminimum']).toMatchObject({ value: 0, schoolsWithLevel: 1, schoolsMeeting: 0 });
    expect(all['trialsAndExcursions']).toMatchObject({
      value: 2,
      professionalTrials: 1,
      excursions: 1,
      participants: 15,
      gradesReached: [8, 9, 10],
      participantShare: 0.25,
    });
    // no placements: 0 of the 35 pupils aged 14–17 employed
    expect(all['summerEmployment']).toMatchObject({ value: 0, employed: 0, students: 35 });
    expect(all['placementCompliance']).toMatchObject({
      value: null,
      reason: 'placements.none',
      message: 'В периоде нет трудоустройств',
    });
    expect(all['documentAcknowledgement']).toMatchObject({ value: null, reason: 'documents.none' });
    // the excursion's result was recorded 2 working days after it, the trial's months later
    expect(all['websiteTimeliness']).toMatchObject({ value: 0.5, items: 2, timely: 1 });
  });

  it('names the indicators and reasons in English with lang=en', async () => {
    const all = await indicators(`period=2023-2024&organisationId=${schoolId}&lang=en`);
    expectEveryIndicator(all);
    expect(all['studentCoverage'].name).toBe('Student coverage by events');
    expect(all['placementCompliance'].message).toBe('No placements in the period');
    expect(all['jointEventsByForm']['byForm']).toEqual(
      expect.arrayContaining([{ key: 'excursion', name: 'Excursion', value: 1 }]),
    );
  });

  it('has no coverage without an enrolment row and counts the agreement renewed, not expired, the next year', async () => {
    const all = await indicators(`period=2024-2025&organisationId=${schoolId}`);
    expectEveryIndicator(all);
    expect(all['studentCoverage']).toMatchObject({ value: null, reason: 'enrolment.missing' });
    expect(all['summerEmployment']).toMatchObject({ value: null, reason: 'enrolment.missing' });
    expect(all['agreementFlows']).toMatchObject({ value: 1, new: 0, expired: 0, renewed: 1 });
    expect(all['activeAgreementsByKind']).toMatchObject({ value: 1 });
  });

  it('has no профминимум indicator before 2023-2024 (E1)', async () => {
    const all = await indicators(`period=2022-2023&organisationId=${schoolId}`);
    expect(all['profminimum']).toMatchObject({ value: null, reason: 'profminimum.not-applicable' });
  });

  it('answers every indicator for the district, in Russian and in English', async () => {
    const body = ok(await get('/reports/summary?period=2023-2024'), 200, 'district');
    expect(ReportSummary.safeParse(body).error).toBeUndefined();
    const ru = body.indicators as Record<string, Indicator>;
    expectEveryIndicator(ru);
    expect(ru['schoolsWithEmployerPartnerShare']['schools']).toBeGreaterThanOrEqual(1);
    expect(ru['studentCoverage'].value).not.toBeNull();
    const en = await indicators('period=2023-2024&lang=en');
    expectEveryIndicator(en);
    expect(en['websiteTimeliness'].name).toBe('Website timeliness');
  });

  it('lists the fourteen indicators in the files: an XLSX sheet, a CSV table and a PDF, in the report language', async () => {
    const file = (query: string) =>
      get(`/reports/summary?period=2023-2024&organisationId=${schoolId}&${query}`).buffer(true).parse(binary);
    const xlsx = await file('format=xlsx&lang=tt');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    const sheet = wb.getWorksheet('Күрсәткечләр') as ExcelJS.Worksheet;
    expect(sheet.getRow(1).values).toEqual([undefined, 'code', 'Күрсәткеч', 'Күләм', 'Тулырак']);
    const codes: unknown[] = [];
    sheet.eachRow((row, n) => n > 1 && codes.push(row.getCell(1).value));
    expect(codes).toEqual(INDICATOR_KEYS);
    expect(sheet.getRow(2).getCell(3).value).toBe(1); // active agreements
    const csv = await file('format=csv&table=indicators');
    expect(csv.status).toBe(200);
    const text = (csv.body as Buffer).subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('code,Показатель,Значение,Подробности');
    expect(text).toContain('studentCoverage,Охват обучающихся мероприятиями,18.8 %');
    expect(text).toContain('placementCompliance,Доля трудоустройств с нарушениями,,В периоде нет трудоустройств');
    const pdf = await file('format=pdf&lang=en');
    expect(pdf.status).toBe(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
