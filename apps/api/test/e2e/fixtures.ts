import { DirectionRecord, OrganisationRecord } from '@socium/api-persistence';
import type { Role } from '@socium/domain';

import type { Response } from 'supertest';

import type { TestApp } from './harness';

// Set-up shared by the e2e specs: the ids of the demo's records and the few objects several specs create alike.

/** The organisations' ids by slug, read from the database. */
export async function orgIds(t: TestApp): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const o of await t.orm.em.fork().find(OrganisationRecord, {})) ids[o.slug] = o.id;
  return ids;
}

/** The directions' ids by code, read from the database. */
export async function directionIds(t: TestApp): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const d of await t.orm.em.fork().find(DirectionRecord, {})) ids[d.code] = d.id;
  return ids;
}

/** The body of `res` when it has the `status` expected; otherwise throws, naming `what` and the answer. */
export function ok(res: Response, status: number, what: string) {
  if (res.status !== status)
    throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body ?? res.text)}`);
  return res.body;
}

/** Creates a plan with `body` as `role` (the school admin unless told); expects 201 and returns the plan's id. */
export async function newPlan(t: TestApp, body: object, role: Role = 'school_admin'): Promise<string> {
  const res = await t.http
    .post('/api/v1/plans')
    .set(await t.auth(role))
    .send(body);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** Adds an activity with `body` to a plan as the school admin; expects 201 and returns the activity. */
export async function newActivity<T = { id: string }>(t: TestApp, planId: string, body: object): Promise<T> {
  const res = await t.http
    .post(`/api/v1/plans/${planId}/activities`)
    .set(await t.auth('school_admin'))
    .send(body);
  expect(res.status).toBe(201);
  return res.body as T;
}

/**
 * The body of a social-partnership agreement numbered `number` of the Urussu gymnasium with the Tapart plant in
 * career guidance, for 2020 without renewal; `over` changes or adds fields. `org` and `dir` are `orgIds` and
 * `directionIds`.
 */
export const partnershipAgreement = (
  number: string,
  org: Record<string, string>,
  dir: Record<string, string>,
  over: Record<string, unknown> = {},
) => ({
  number,
  kind: 'social_partnership',
  schoolId: org['urussu-gymnasium'],
  partnerId: org['tapart'],
  subject: 'Совместная профориентационная работа',
  goal: 'Профессиональное самоопределение обучающихся',
  directionIds: [dir['career_guidance']],
  obligations: [
    { party: 'school', text: 'Формировать группы обучающихся' },
    { party: 'partner', text: 'Проводить экскурсии на предприятие' },
  ],
  responsibleRoles: { school: 'Заместитель директора по ВР', partner: 'Начальник отдела кадров' },
  startsOn: '2020-01-01',
  endsOn: '2020-12-31',
  autoRenew: false,
  noticeDays: 30,
  ...over,
});
