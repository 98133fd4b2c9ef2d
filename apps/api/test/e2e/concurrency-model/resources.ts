import type { Role } from '@socium/domain';

import { partnershipAgreement } from '../fixtures';
import type { TestApp } from '../harness';

/** What the fixtures need from the booted app: tokens by role and the demo organisations and directions. */
export interface World {
  t: TestApp;
  tokens: Partial<Record<Role, string>>;
  org: Record<string, string>;
  dir: Record<string, string>;
}

/**
 * A versioned resource reachable by `PATCH <path>/:id`: who edits it, one field the model follows, a fresh value
 * for it (`n` is unique over the whole run, so no write repeats the stored value) and how to create a record to edit.
 */
export interface VersionedResource {
  path: string;
  editors: readonly Role[];
  field: string;
  value: (n: number) => string | number;
  create: (w: World, n: number) => Promise<string>;
}

const bearer = (w: World, role: Role) => ({ Authorization: `Bearer ${w.tokens[role] as string}` });

async function post(w: World, role: Role, path: string, body: object): Promise<string> {
  const res = await w.t.http.post(`/api/v1${path}`).set(bearer(w, role)).send(body);
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

const agreementBody = (w: World, n: number) => partnershipAgreement(`М-${n}`, w.org, w.dir);

/** The last academic year given to a model's plan (years after the demo's, within the supported 1900–2199). */
let planYear = 2059;

/** A plan of its own academic year (plans are unique per organisation, year and agreement). */
const planOfYear = (w: World, n: number) => {
  if (++planYear >= 2199) throw new Error('the model ran out of academic years for its plans');
  return post(w, 'school_admin', '/plans', {
    organisationId: w.org['urussu-gymnasium'],
    academicYear: `${planYear}-${planYear + 1}`,
    title: `План модели ${n}`,
  });
};

/** Enrolment is one record per school and year: each created one takes the next year (from 1900, plans use 2060+). */
let enrolmentYear = 1900;
const enrolmentOfYear = (w: World) => {
  if (++enrolmentYear >= 2059) throw new Error('the model ran out of academic years for its enrolment');
  return post(w, 'school_admin', '/enrolment', {
    organisationId: w.org['urussu-gymnasium'],
    academicYear: `${enrolmentYear}-${enrolmentYear + 1}`,
    aged14: 1,
  });
};

const STAFF: readonly Role[] = ['coordinator', 'school_admin'];
const COORD: readonly Role[] = ['coordinator'];

/** Every versioned resource of ROUTES; the spec checks that this list and the PATCH routes are the same. */
export const VERSIONED_RESOURCES: readonly VersionedResource[] = [
  {
    path: '/organisations',
    editors: COORD,
    field: 'shortName',
    value: (n) => `Школа модели ${n}`,
    create: (w, n) =>
      post(w, 'coordinator', '/organisations', {
        kind: 'school',
        name: `Школа модели ${n}`,
        shortName: `Модель ${n}`,
        slug: `model-school-${n}`,
      }),
  },
  {
    path: '/users',
    editors: COORD,
    field: 'name',
    value: (n) => `Редактор модели ${n}`,
    create: (w, n) =>
      post(w, 'coordinator', '/users', {
        email: `model-${n}@example.org`,
        name: 'Исходное имя',
        role: 'school_admin',
        organisationId: w.org['urussu-gymnasium'],
        password: 'long-enough-password',
      }),
  },
  {
    path: '/directions',
    editors: COORD,
    field: 'name',
    value: (n) => `Направление модели ${n}`,
    create: (w, n) => post(w, 'coordinator', '/directions', { code: `model_direction_${n}`, name: 'Направление' }),
  },
  {
    path: '/agreements',
    editors: STAFF,
    field: 'subject',
    value: (n) => `Предмет соглашения ${n}`,
    create: (w, n) => post(w, 'school_admin', '/agreements', agreementBody(w, n)),
  },
  {
    path: '/plans',
    editors: STAFF,
    field: 'title',
    value: (n) => `План модели ${n}`,
    create: planOfYear,
  },
  {
    path: '/activities',
    editors: STAFF,
    field: 'plannedParticipants',
    value: (n) => n,
    create: async (w, n) => {
      const plan = await planOfYear(w, n);
      return post(w, 'school_admin', `/plans/${plan}/activities`, {
        title: 'Экскурсия на завод',
        directionId: w.dir['career_guidance'],
        form: 'excursion',
        partnerId: w.org['tapart'],
        startsOn: `${planYear}-10-17`, // in the plan's academic year
        venue: 'Завод',
        targetGrades: [8, 9],
        plannedParticipants: 0,
        hours: 3,
      });
    },
  },
  {
    path: '/labour-needs',
    editors: COORD,
    field: 'demand',
    value: (n) => n,
    create: (w) =>
      post(w, 'coordinator', '/labour-needs', {
        profession: 'Оператор станков',
        sector: 'Промышленность',
        demand: 1,
        academicYear: '2019-2020',
      }),
  },
  {
    path: '/placements',
    editors: STAFF,
    field: 'jobTitle',
    value: (n) => `Подсобный рабочий благоустройства, участок ${n}`,
    create: (w, n) =>
      post(w, 'school_admin', '/placements', {
        schoolId: w.org['urussu-gymnasium'],
        employerId: w.org['tapart'],
        channel: 'employment_centre',
        kind: 'employment_contract',
        jobTitle: 'Подсобный рабочий благоустройства',
        studentCode: `MOD-${n}`,
        studentBirthDate: '2004-03-10',
        studentSex: 'male',
        startsOn: '2020-06-15',
        endsOn: '2020-07-10',
        workDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
        shiftStartsAt: '09:00',
        shiftEndsAt: '15:00',
        hoursPerDay: 6,
        hoursPerWeek: 30,
        medicalClearanceOn: '2020-06-01',
      }),
  },
  {
    path: '/documents',
    editors: COORD,
    field: 'title',
    value: (n) => `Письмо модели ${n}`,
    create: (w, n) =>
      post(w, 'coordinator', '/documents', { number: `М-${n}`, title: 'Письмо', issuedOn: '2026-11-01' }),
  },
  {
    path: '/enrolment',
    editors: STAFF,
    field: 'aged15',
    value: (n) => n % 100000,
    create: (w) => enrolmentOfYear(w),
  },
];
