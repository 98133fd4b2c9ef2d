import { DirectionRecord, OrganisationRecord } from '@socium/api-persistence';

import { bootApp, TestApp } from './harness';

type Role = 'coordinator' | 'school_admin' | 'partner_rep';

// Issue 14, first batch of the law: each finding sent again through the API with the dates.
describe('The law as the API applies it (issue 14, first batch)', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const dir: Record<string, string> = {};

  beforeAll(async () => {
    t = await bootApp();
    const em = t.orm.em.fork();
    for (const o of await em.find(OrganisationRecord, {})) ids[o.slug] = o.id;
    for (const d of await em.find(DirectionRecord, {})) dir[d.code] = d.id;
  });
  afterEach(() => t.clock.pin('2026-11-28'));
  afterAll(() => t.close());

  const auth = async (role: Role) => ({ Authorization: `Bearer ${await t.as(role)}` });

  describe('renewal terms keep their anniversaries (finding 5)', () => {
    let agreementId: string;

    beforeAll(async () => {
      t.clock.pin('2020-02-20');
      const created = await t.http
        .post('/api/v1/agreements')
        .set(await auth('school_admin'))
        .send({
          number: 'Т-29-02',
          kind: 'social_partnership',
          schoolId: ids['urussu-gymnasium'],
          partnerId: ids['tapart'],
          subject: 'Совместная профориентационная работа',
          goal: 'Профессиональное самоопределение обучающихся',
          directionIds: [dir['career_guidance']],
          obligations: [
            { party: 'school', text: 'Формировать группы обучающихся' },
            { party: 'partner', text: 'Проводить экскурсии на предприятие' },
          ],
          responsibleRoles: { school: 'Заместитель директора по ВР', partner: 'Начальник отдела кадров' },
          startsOn: '2020-02-29',
          endsOn: '2021-02-28',
          autoRenew: true,
          noticeDays: 30,
        });
      expect(created.status).toBe(201);
      agreementId = created.body.id;
      for (const party of ['school', 'partner'] as const) {
        const signed = await t.http
          .post(`/api/v1/agreements/${agreementId}/sign`)
          .set(await auth(party === 'school' ? 'school_admin' : 'partner_rep'))
          .send({ party, signedOn: '2020-02-20' });
        expect(signed.status).toBe(200);
      }
      t.clock.pin('2026-11-28');
    });

    it.each([
      ['2020-06-01', '2021-02-28', 'active'],
      ['2021-03-01', '2022-02-28', 'renewed'],
      ['2022-02-28', '2022-02-28', 'renewed'],
      ['2022-03-01', '2023-02-28', 'renewed'],
      ['2023-03-01', '2024-02-29', 'renewed'],
      ['2024-02-29', '2024-02-29', 'renewed'],
      ['2024-03-01', '2025-02-28', 'renewed'],
      ['2026-11-28', '2027-02-28', 'renewed'],
    ])('answers on %s that the 29.02.2020–28.02.2021 agreement is in force until %s', async (today, end, status) => {
      t.clock.pin(today);
      const res = await t.http.get(`/api/v1/agreements/${agreementId}`).set(await auth('coordinator'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ startsOn: '2020-02-29', endsOn: '2021-02-28', effectiveEndsOn: end, status });
    });
  });
});
