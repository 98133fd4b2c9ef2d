import { MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';

import { AccessService } from '../../src/app/access/access.service';
import { AuditService } from '../../src/app/audit/audit.service';
import type { Caller } from '../../src/app/auth/policy.decorator';
import { CalendarService } from '../../src/app/calendars/calendar.service';
import { ClockService } from '../../src/app/clock/clock.service';
import { ReportBuilder } from '../../src/app/reports/report-builder';
import type { ReportJson } from '../../src/app/reports/report.model';
import {
  activityRow,
  agreementRow,
  insertDocument,
  openReportDb,
  orgRow,
  placementRow,
  planRow,
} from './report-fixtures';

/**
 * All fourteen G2 indicators of the report (issue 14 item 6) on a small hand-made dataset, computed by the report
 * builder on a real database (SQLite, or PostgreSQL with DB_DRIVER), each against a count made by hand in the
 * comments below. The academic year 2024-2025; two schools (s1 with the basic профминимум level and an enrolment
 * row, s2 without either), an employer p1, a college p2, an employer p3.
 */
const stamp = (at: string) => ({ created_at: at, updated_at: at });
const json = (v: unknown) => JSON.stringify(v);

describe('the report indicators on a database', () => {
  let orm: MikroORM;
  let knex: Knex;
  let builder: ReportBuilder;
  const coordinator: Caller = { id: 'u', email: 'c@example.org', role: 'coordinator', organisationId: 'dep' };
  const report = (organisationId?: string, lang: 'ru' | 'en' = 'ru'): Promise<ReportJson> =>
    builder.build(coordinator, { period: '2024-2025', organisationId, format: 'json', lang });

  beforeAll(async () => {
    ({ orm, knex } = await openReportDb());
    await knex('organisation').insert([
      orgRow('dep', 'department'),
      orgRow('s1', 'school'),
      orgRow('s2', 'school'),
      orgRow('p1', 'partner', 'employer'),
      orgRow('p2', 'partner', 'college'),
      orgRow('p3', 'partner', 'employer'),
    ]);
    await knex('agreement').insert([
      // new in the period; rolls over on 2025-09-01, so not expired on its last day
      agreementRow('g1', 's1', 'p1', { starts_on: '2024-09-01', ends_on: '2025-08-31', auto_renew: true }),
      // 01.03.2023–29.02.2024, yearly: renewed on 2025-03-01 (the term 01.03.2024–28.02.2025 began before)
      agreementRow('g2', 's2', 'p2', {
        kind: 'social_partnership',
        starts_on: '2023-03-01',
        ends_on: '2024-02-29',
        auto_renew: true,
        signed_by_school_on: '2023-02-20',
        signed_by_partner_on: '2023-02-20',
      }),
      // fixed term ending in the period: expired
      agreementRow('g3', 's2', 'p3', { kind: 'network_form', starts_on: '2024-01-01', ends_on: '2025-01-31' }),
      // quarterly since 2024-06-01: renewed on 2024-09-01, 2024-12-01, 2025-03-01 and 2025-06-01
      agreementRow('g4', 's1', 'p3', {
        starts_on: '2024-06-01',
        ends_on: '2024-08-31',
        auto_renew: true,
        notice_days: 10,
      }),
    ]);
    await knex('plan').insert([planRow('s1', '2024-2025'), planRow('s2', '2024-2025')]);
    await knex('activity').insert([
      activityRow('a1', 's1', 'held', '2024-10-10', {
        partner_id: 'p1',
        target_grades: json([8, 9]),
        actual_participants: 20,
        hours: 3,
        is_public: true,
        result: 'Проведена',
        ...stamp('2024-10-10T12:00:00.000Z'),
      }),
      activityRow('a2', 's1', 'held', '2025-02-05', {
        form: 'professional_trial',
        partner_id: 'p3',
        target_grades: json([10]),
        actual_participants: 10,
        hours: 2,
        is_public: true,
        result: 'Проведена',
        ...stamp('2025-03-01T08:00:00.000Z'),
      }),
      activityRow('a3', 's1', 'cancelled', '2025-03-01', { form: 'master_class', partner_id: 'p2' }),
      activityRow('a4', 's2', 'held', '2025-04-01', {
        form: 'career_lesson',
        target_grades: json([5]),
        actual_participants: 30,
        professions: json(['Сварщик']),
      }),
      activityRow('a5', 's2', 'planned', '2025-05-01', { form: 'open_day', partner_id: 'p2' }),
    ]);
    // the excursion's outcome recorded 6 working days after it; the trial has no audit entry (its last change counts)
    await knex('audit_entry').insert({
      id: 'au1',
      at: '2024-10-18T10:00:00.000Z',
      user_id: null,
      action: 'outcome:held',
      object_type: 'activity',
      object_id: 'a1',
      before: null,
      after: null,
    });
    await knex('enrolment').insert({
      id: 'e1',
      version: 1,
      ...stamp('2024-09-10T00:00:00.000Z'),
      organisation_id: 's1',
      academic_year: '2024-2025',
      pupils_by_grade: json({ '8': 20, '9': 20, '10': 20 }),
      aged14: 10,
      aged15: 10,
      aged16to17: 20,
      profminimum_level: 'basic',
    });
    await knex('labour_need').insert(
      ['Сварщик', 'Повар'].map((profession, i) => ({
        id: `n${i}`,
        version: 1,
        ...stamp('t'),
        profession,
        sector: 'industry',
        demand: 5 - i,
        academic_year: '2024-2025',
        source: '',
        employer_id: null,
      })),
    );
    await knex('placement').insert([
      placementRow('pl1', 's1', 'st-15', '2010-01-01', '2025-06-15', 'direct'),
      { ...placementRow('pl2', 's1', 'st-16', '2008-05-01', '2025-06-16', 'school_brigade'), findings_count: 2 },
    ]);
    await insertDocument(knex, 'doc1', {
      school: 's1',
      issuedOn: '2025-05-05',
      dueOn: '2025-05-15',
      state: 'acknowledged',
      acknowledgedOn: '2025-05-12',
    });
    // a public document of the district, entered 2 working days after its date
    await knex('document').insert({
      id: 'doc2',
      number: 'doc2',
      title: 'doc2',
      issued_on: '2024-11-01',
      summary: '',
      due_on: null,
      is_public: true,
      version: 1,
      ...stamp('2024-11-05T07:00:00.000Z'),
    });
    const clock = new ClockService({ today: '2025-09-15', timeZone: 'Europe/Moscow' } as never);
    const em = orm.em.fork();
    builder = new ReportBuilder(em, new AccessService(), clock, new CalendarService(em), new AuditService(clock));
  });
  afterAll(() => orm.close(true));

  it('computes all fourteen for the district, each equal to the hand count', async () => {
    const i = (await report()).indicators;
    // g1 and g4 (cooperation), g2 (social partnership) in force on 2025-08-31; g3 ended on 2025-01-31
    expect(i['activeAgreementsByKind']).toMatchObject({
      value: 3,
      byKind: { cooperation: 2, social_partnership: 1, network_form: 0 },
    });
    // p1, p3 (employers) and p2 (college: g2 in force and a planned open day)
    expect(i['partnersByType']).toMatchObject({
      value: 3,
      byType: [
        { key: 'employer', value: 2 },
        { key: 'college', value: 1 },
      ],
    });
    expect(i['schoolsWithEmployerPartnerShare']).toMatchObject({ value: 0.5, schools: 2, schoolsWithEmployer: 1 });
    // new g1; expired g3; renewed g2 once and g4 four times
    expect(i['agreementFlows']).toMatchObject({ value: 7, new: 1, expired: 1, renewed: 5 });
    expect(i['planExecution']).toMatchObject({ value: 0.6, planned: 5, held: 3, cancelled: 1 });
    expect(i['jointEventsByForm']).toMatchObject({ value: 3 });
    expect(
      Object.fromEntries(
        (i['jointEventsByForm']['byForm'] as { key: string; value: number }[]).map((r) => [r.key, r.value]),
      ),
    ).toMatchObject({ excursion: 1, professional_trial: 1, career_lesson: 1, master_class: 0, open_day: 0 });
    // s1 only (s2 has no enrolment row): 30 participants of 60 pupils, all of them in grades 6–11
    expect(i['studentCoverage']).toMatchObject({
      value: 0.5,
      participants: 30,
      enrolment: 60,
      grades6to11: 0.5,
      schoolsWithoutEnrolment: 1,
    });
    // s1 (basic, 40 h) has 3 h in grades 8–9 and 2 h in grade 10; s2 declared no level
    expect(i['profminimum']).toMatchObject({ value: 0, schoolsWithLevel: 1, schoolsMeeting: 0 });
    expect(i['trialsAndExcursions']).toMatchObject({
      value: 2,
      professionalTrials: 1,
      excursions: 1,
      participants: 30,
      gradesReached: [8, 9, 10],
      participantShare: 0.5,
    });
    expect(i['demandedProfessionsCovered']).toMatchObject({
      value: 0.5,
      covered: 1,
      demanded: 2,
      uncovered: [{ profession: 'Повар', demand: 4 }],
    });
    // 2 of s1's 40 pupils aged 14–17; one aged 15 of 10, one aged 16 of 20
    expect(i['summerEmployment']).toMatchObject({
      value: 0.05,
      employed: 2,
      students: 40,
      byAgeBand: {
        '14': { students: 10, employed: 0, share: 0 },
        '15': { students: 10, employed: 1, share: 0.1 },
        '16-17': { students: 20, employed: 1, share: 0.05 },
      },
    });
    expect(i['placementCompliance']).toMatchObject({ value: 0.5, placements: 2, withFindings: 1 });
    expect(i['documentAcknowledgement']).toMatchObject({ value: 1, recipients: 1, onTime: 1, overdue: 0 });
    // the excursion (6 working days) and the document (2) in time; the trial's last change 17 working days later
    expect(i['websiteTimeliness']).toMatchObject({ value: 0.6667, items: 3, timely: 2 });
  });

  it('computes one school from its own rows, null with a reason where its data is missing', async () => {
    const s2 = (await report('s2')).indicators;
    expect(s2['activeAgreementsByKind']).toMatchObject({ value: 1, byKind: { social_partnership: 1 } });
    expect(s2['schoolsWithEmployerPartnerShare']).toMatchObject({ value: 0, schools: 1, schoolsWithEmployer: 0 });
    expect(s2['agreementFlows']).toMatchObject({ new: 0, expired: 1, renewed: 1 });
    expect(s2['studentCoverage']).toMatchObject({
      value: null,
      reason: 'enrolment.missing',
      message: 'Нет данных о численности обучающихся за учебный год',
    });
    expect(s2['summerEmployment']).toMatchObject({ value: null, reason: 'enrolment.missing' });
    expect(s2['profminimum']).toMatchObject({ value: null, reason: 'profminimum.no-level' });
    expect(s2['placementCompliance']).toMatchObject({ value: null, reason: 'placements.none' });
    expect(s2['websiteTimeliness']).toMatchObject({ value: null, reason: 'website.no-items' });
    const s1 = (await report('s1', 'en')).indicators;
    expect(s1['websiteTimeliness']).toMatchObject({ name: 'Website timeliness', value: 0.5, items: 2, timely: 1 });
    expect(s1['agreementFlows']).toMatchObject({ new: 1, expired: 0, renewed: 4 });
  });
});
