import { MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';

import { openOrm } from './open-orm';

/** Rows for the report's medium tests, as the tables hold them: defaults for every column, overrides for the test's facts. */
type Columns = Record<string, unknown>;

const stamp = { version: 1, created_at: 't', updated_at: 't' };
const json = (v: unknown) => JSON.stringify(v);

export const orgRow = (id: string, kind: string, partnerType: string | null = null): Columns => ({
  id,
  kind,
  name: id,
  short_name: id,
  slug: id,
  partner_type: partnerType,
  address: null,
  site: null,
  contacts: json([]),
  is_published: true,
  term_scheme: 'quarters',
  enrolment: null,
  ...stamp,
});

export const directionRow = (id: string, code: string, name: string): Columns => ({ id, code, name, ...stamp });

export const agreementRow = (id: string, school: string, partner: string, over: Columns = {}): Columns => ({
  id,
  number: id,
  kind: 'cooperation',
  school_id: school,
  partner_id: partner,
  subject: 'Соглашение',
  goal: 'Цель',
  direction_ids: json([]),
  obligations: json([]),
  responsible_roles: json({}),
  network_terms: null,
  starts_on: '2024-01-01',
  ends_on: null,
  auto_renew: false,
  notice_days: 30,
  signed_by_school_on: '2023-12-20',
  signed_by_partner_on: '2023-12-20',
  terminated_on: null,
  termination_reason: null,
  notice_given_on: null,
  scan_file_id: null,
  ...stamp,
  ...over,
});

export const planRow = (school: string, academicYear: string): Columns => ({
  id: `plan-${school}`,
  organisation_id: school,
  academic_year: academicYear,
  agreement_id: null,
  title: 'План',
  status: 'approved',
  return_comment: null,
  submitted_on: null,
  approved_on: null,
  ...stamp,
});

/** An activity of the school's plan (`planRow`); a held one has its day and five participants. */
export const activityRow = (
  id: string,
  school: string,
  status: string,
  startsOn: string,
  over: Columns = {},
): Columns => ({
  id,
  plan_id: `plan-${school}`,
  organisation_id: school,
  academic_year: '2024-2025',
  title: 'Мероприятие',
  direction_id: 'dir-career',
  form: 'excursion',
  partner_id: null,
  starts_on: startsOn,
  ends_on: startsOn,
  planned_starts_on: startsOn,
  planned_ends_on: startsOn,
  venue: '',
  target_grades: json([9]),
  planned_participants: 10,
  hours: 1,
  is_public: false,
  professions: json([]),
  description: '',
  status,
  held_on: status === 'held' ? startsOn : null,
  actual_participants: status === 'held' ? 5 : null,
  result: null,
  evidence_links: json([]),
  cancel_reason: status === 'cancelled' ? 'Причина' : null,
  ...stamp,
  ...over,
});

export const placementRow = (
  id: string,
  school: string,
  student: string,
  birth: string,
  startsOn: string,
  channel: string,
): Columns => ({
  id,
  school_id: school,
  employer_id: 'p1',
  channel,
  kind: 'employment_contract',
  job_title: 'Рабочий',
  student_code: student,
  student_birth_date: birth,
  student_sex: 'male',
  starts_on: startsOn,
  ends_on: startsOn,
  work_days: json(['mon']),
  shift_starts_at: '09:00',
  shift_ends_at: '13:00',
  hours_per_day: 4,
  hours_per_week: 20,
  harmful: false,
  max_load_kg: null,
  load_mode: 'constant',
  parent_consent: true,
  guardianship_consent: false,
  medical_clearance_on: null,
  has_general_education: false,
  orphan: false,
  student_detachment: false,
  probation_clause: false,
  findings_count: 0,
  ...stamp,
});

/** A document issued to one organisation, with that recipient's progress. */
export async function insertDocument(
  knex: Knex,
  id: string,
  r: { school: string; issuedOn: string; dueOn: string | null; state: string; acknowledgedOn: string | null },
): Promise<void> {
  await knex('document').insert({
    id,
    number: id,
    title: id,
    issued_on: r.issuedOn,
    summary: '',
    due_on: r.dueOn,
    is_public: false,
    ...stamp,
  });
  await knex('document_recipient').insert({
    id: `r-${id}`,
    document_id: id,
    organisation_id: r.school,
    state: r.state,
    sent_on: r.issuedOn,
    received_on: null,
    acknowledged_on: r.acknowledgedOn,
    acknowledged_by: null,
    responded_on: null,
    response: null,
    closed_on: null,
  });
}

/** A migrated database (SQLite in memory, or PostgreSQL with DB_DRIVER) with the career-guidance direction (`dir-career`). */
export async function openReportDb(): Promise<{ orm: MikroORM; knex: Knex }> {
  const orm = await openOrm();
  const knex = (orm.em as unknown as { getKnex(): Knex }).getKnex();
  await knex('direction').insert(directionRow('dir-career', 'career_guidance', 'Профориентация'));
  return { orm, knex };
}
