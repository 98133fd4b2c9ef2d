import { AgreementRecord } from '@socium/api-persistence';
import type { Role } from '@socium/domain';

import { RemindersService } from '../../src/app/notifications/reminders.service';
import { PublicCacheService } from '../../src/app/publication/public-cache.service';
import { publicPageKey } from '../../src/app/publication/public-http';
import { directionIds, orgIds } from './fixtures';
import { bootApp, TestApp } from './harness';

/** Amendments (дополнительные соглашения, issue 14 item 4) through the API; today is 2026-11-28. */
describe('Agreements API: amendments', () => {
  let t: TestApp;
  let ids: Record<string, string> = {};
  let dir: Record<string, string> = {};

  beforeAll(async () => {
    t = await bootApp();
    ids = await orgIds(t);
    dir = await directionIds(t);
  });
  afterEach(() => t.clock.pin('2026-11-28'));
  afterAll(() => t.close());

  const api = async (role: Role, method: 'get' | 'post' | 'delete', path: string, body?: object) => {
    const req = t.http[method](`/api/v1${path}`).set(await t.auth(role));
    return body === undefined ? req : req.send(body);
  };
  /** A one-year agreement of the gymnasium with Tapart from 1 Sep 2026, signed by both on `signed` (or a draft). */
  const agreement = async (signed: string | null = '2026-09-01') => {
    const a = await api('school_admin', 'post', '/agreements', {
      number: `ДС-${Math.random().toString(36).slice(2, 8)}`,
      kind: 'cooperation',
      schoolId: ids['urussu-gymnasium'],
      partnerId: ids['tapart'],
      subject: 'Совместная профориентационная работа',
      goal: 'Профессиональное самоопределение обучающихся',
      directionIds: [dir['career_guidance']],
      obligations: [
        { party: 'school', text: 'Формировать группы обучающихся' },
        { party: 'partner', text: 'Проводить экскурсии на предприятие' },
      ],
      startsOn: '2026-09-01',
      endsOn: '2027-08-31',
      autoRenew: false,
      noticeDays: 30,
    });
    expect(a.status).toBe(201);
    if (signed) {
      expect(
        (await api('school_admin', 'post', `/agreements/${a.body.id}/sign`, { party: 'school', signedOn: signed }))
          .status,
      ).toBe(200);
      expect(
        (await api('partner_rep', 'post', `/agreements/${a.body.id}/sign`, { party: 'partner', signedOn: signed }))
          .status,
      ).toBe(200);
    }
    return a.body.id as string;
  };
  const amend = (id: string, body: object, role: Role = 'school_admin') =>
    api(role, 'post', `/agreements/${id}/amendments`, body);
  const signAmendment = (id: string, n: number, party: 'school' | 'partner', signedOn = '2026-11-28', role?: Role) =>
    api(
      role ?? (party === 'school' ? 'school_admin' : 'partner_rep'),
      'post',
      `/agreements/${id}/amendments/${n}/sign`,
      {
        party,
        signedOn,
      },
    );

  it('numbers amendments, changes the agreement only once both parties signed, and keeps the previous values', async () => {
    const id = await agreement();
    expect((await api('partner_rep', 'get', `/agreements/${id}/amendments`)).body).toEqual([]);
    const created = await amend(id, {
      effectiveOn: '2026-11-20',
      changes: { endsOn: '2028-08-31', goal: 'Ранняя профориентация и профессиональные пробы' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 1, state: 'pending', previous: null, effectiveOn: '2026-11-20' });
    // a second one waits until the first is signed or deleted
    expect((await amend(id, { effectiveOn: '2026-11-28', changes: { noticeDays: 60 } })).body.rule).toBe(
      'agreement.amendment.pending',
    );

    const school = await signAmendment(id, 1, 'school', '2026-11-21');
    expect(school.status).toBe(200);
    expect(school.body.amendment.state).toBe('pending');
    expect(school.body.agreement.endsOn).toBe('2027-08-31');
    // each party signs only for itself, as for the agreement
    expect((await signAmendment(id, 1, 'school', '2026-11-28', 'partner_rep')).status).toBe(403);
    expect((await signAmendment(id, 1, 'school')).body.rule).toBe('agreement.sign.already-signed');
    expect((await signAmendment(id, 1, 'partner', '2026-11-29')).body.rule).toBe('agreement.sign.future-date');

    const partner = await signAmendment(id, 1, 'partner');
    expect(partner.status).toBe(200);
    expect(partner.body.amendment).toMatchObject({
      state: 'in_force',
      signedBySchoolOn: '2026-11-21',
      signedByPartnerOn: '2026-11-28',
      previous: { endsOn: '2027-08-31', goal: 'Профессиональное самоопределение обучающихся' },
    });
    const current = (await api('partner_rep', 'get', `/agreements/${id}`)).body;
    expect(current).toMatchObject({
      endsOn: '2028-08-31',
      effectiveEndsOn: '2028-08-31',
      goal: 'Ранняя профориентация и профессиональные пробы',
      status: 'active',
    });

    // the next one is No. 2; a pending one can be deleted, a signed one cannot
    const second = await amend(id, { effectiveOn: '2026-11-28', changes: { noticeDays: 60 } }, 'coordinator');
    expect(second.body.number).toBe(2);
    expect((await api('school_admin', 'delete', `/agreements/${id}/amendments/2`)).status).toBe(204);
    const signedDelete = await api('school_admin', 'delete', `/agreements/${id}/amendments/1`);
    expect([signedDelete.status, signedDelete.body.rule]).toEqual([422, 'agreement.amendment.signed']);
    expect(
      (await api('coordinator', 'get', `/agreements/${id}/amendments`)).body.map((a: { number: number }) => a.number),
    ).toEqual([1]);

    // the history: every step in the agreement's audit log
    const log = await api('coordinator', 'get', `/audit?objectType=agreement&objectId=${id}&limit=100`);
    const actions = log.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['amendment.create', 'amendment.sign', 'amend', 'amendment.delete']),
    );
    const amended = log.body.items.find((e: { action: string }) => e.action === 'amend');
    expect(amended.before).toMatchObject({ endsOn: '2027-08-31' });
    expect(amended.after).toMatchObject({ endsOn: '2028-08-31' });
  });

  it('refuses to amend a draft, a terminated or an expired agreement (422 agreement.amendment.not-in-force)', async () => {
    const change = { effectiveOn: '2026-11-28', changes: { noticeDays: 60 } };
    expect((await amend(await agreement(null), change)).body.rule).toBe('agreement.amendment.not-in-force');
    const ended = await agreement();
    expect(
      (
        await api('school_admin', 'post', `/agreements/${ended}/terminate`, {
          terminatedOn: '2026-11-01',
          reason: 'По соглашению сторон',
        })
      ).status,
    ).toBe(200);
    const res = await amend(ended, change);
    expect([res.status, res.body.rule]).toEqual([422, 'agreement.amendment.not-in-force']);
    const expiring = await agreement();
    t.clock.pin('2027-09-01');
    expect((await amend(expiring, { ...change, effectiveOn: '2027-08-31' })).body.rule).toBe(
      'agreement.amendment.not-in-force',
    );
  });

  it('keeps a future-dated amendment scheduled: the previous text until its date, the new one from that day', async () => {
    const id = await agreement();
    const created = await amend(id, { effectiveOn: '2027-01-15', changes: { endsOn: '2028-08-31', noticeDays: 60 } });
    expect(created.status).toBe(201);
    expect((await signAmendment(id, 1, 'school')).status).toBe(200);
    const signed = await signAmendment(id, 1, 'partner');
    expect(signed.status).toBe(200);
    expect(signed.body.amendment).toMatchObject({ state: 'scheduled', previous: null, effectiveOn: '2027-01-15' });
    expect(signed.body.agreement).toMatchObject({ endsOn: '2027-08-31', noticeDays: 30 });
    // no new amendment while one waits for its date, and the refusal names that date
    const held = await amend(id, { effectiveOn: '2026-11-28', changes: { goal: 'Другая цель' } });
    expect(held.body.rule).toBe('agreement.amendment.scheduled');
    expect(JSON.stringify(held.body)).toContain('15.01.2027');
    // the day before: still the previous text
    t.clock.pin('2027-01-14');
    expect((await api('partner_rep', 'get', `/agreements/${id}`)).body).toMatchObject({ endsOn: '2027-08-31' });
    // on its date the changes are in force, and the amendment keeps what they replaced
    t.clock.pin('2027-01-15');
    expect((await api('partner_rep', 'get', `/agreements/${id}`)).body).toMatchObject({
      endsOn: '2028-08-31',
      noticeDays: 60,
    });
    const [m] = (await api('partner_rep', 'get', `/agreements/${id}/amendments`)).body;
    expect(m).toMatchObject({ state: 'in_force', previous: { endsOn: '2027-08-31', noticeDays: 30 } });
  });

  it('has a due amendment applied by the daily pass, outside any request, and the cached public pages refreshed', async () => {
    const id = await agreement();
    const page = '/api/v1/public/organisations/urussu-gymnasium';
    const publicEnd = async () =>
      (
        (await t.http.get(page).set('X-Forwarded-For', '10.14.0.1')).body.agreements as {
          number: string;
          endsOn: string;
        }[]
      ).find((a) => a.number === number)?.endsOn;
    const stored = () => t.orm.em.fork().findOneOrFail(AgreementRecord, { id });
    const number = (await stored()).number;
    expect((await amend(id, { effectiveOn: '2026-11-29', changes: { endsOn: '2028-08-31' } })).status).toBe(201);
    expect((await signAmendment(id, 1, 'school')).status).toBe(200);
    expect((await signAmendment(id, 1, 'partner')).status).toBe(200);

    // its day: nobody has read the agreement, the public page is built and cached with the previous end
    t.clock.pin('2026-11-29');
    expect(await publicEnd()).toBe('2027-08-31');
    const cache = t.app.get(PublicCacheService);
    expect(cache.holds(publicPageKey('json', 'urussu-gymnasium', 'ru'))).toBe(true);
    expect((await stored()).endsOn).toBe('2027-08-31');

    // the scheduler's pass, as its timer runs it (no request, so no interceptor around it)
    await t.app.get(RemindersService).run();
    const after = await stored();
    expect([after.endsOn, after.version]).toEqual(['2028-08-31', 4]);
    expect(cache.holds(publicPageKey('json', 'urussu-gymnasium', 'ru'))).toBe(false);
    expect(await publicEnd()).toBe('2028-08-31');
    const log = await api('coordinator', 'get', `/audit?objectType=agreement&objectId=${id}&limit=100`);
    expect(log.body.items).toContainEqual(
      expect.objectContaining({
        action: 'amend',
        userId: null,
        after: expect.objectContaining({ endsOn: '2028-08-31' }),
      }),
    );
    // a second pass finds nothing left to apply
    await t.app.get(RemindersService).run();
    expect((await stored()).version).toBe(4);
  });

  it('reads a later period’s report with the text in force then: a scheduled extension counts from its date', async () => {
    const inForce = async () =>
      (await api('coordinator', 'get', `/reports/summary?period=2027-2028&organisationId=${ids['urussu-gymnasium']}`))
        .body.totals.agreementsActive as number;
    // a one-year agreement to 31 Aug 2027, extended to 31 Aug 2028 by an amendment dated 15 Jan 2027 (scheduled)
    const id = await agreement();
    const before = await inForce();
    expect((await amend(id, { effectiveOn: '2027-01-15', changes: { endsOn: '2028-08-31' } })).status).toBe(201);
    await signAmendment(id, 1, 'school');
    expect((await signAmendment(id, 1, 'partner')).body.amendment.state).toBe('scheduled');
    // on 31 Aug 2028, the last day of 2027-2028, the agreement is in force under the amended text
    expect(await inForce()).toBe(before + 1);
  });

  it('refuses a date outside the term, no change, an unknown direction and a broken principle', async () => {
    const id = await agreement();
    const rule = async (body: object) => {
      const res = await amend(id, body);
      return [res.status, res.body.rule, res.body.details?.[0]?.field];
    };
    // after the agreement's last day (31 Aug 2027)
    expect(await rule({ effectiveOn: '2027-09-01', changes: { noticeDays: 60 } })).toEqual([
      422,
      'agreement.amendment.date-outside-term',
      'effectiveOn',
    ]);
    expect(await rule({ effectiveOn: '2026-08-31', changes: { noticeDays: 60 } })).toEqual([
      422,
      'agreement.amendment.date-outside-term',
      'effectiveOn',
    ]);
    expect(await rule({ effectiveOn: '2026-11-28', changes: { noticeDays: 30 } })).toEqual([
      422,
      'agreement.amendment.no-changes',
      'changes',
    ]);
    expect(await rule({ effectiveOn: '2026-11-28', changes: { endsOn: '2026-11-27' } })).toEqual([
      422,
      'agreement.amendment.end-before-date',
      'changes.endsOn',
    ]);
    expect(await rule({ effectiveOn: '2026-11-28', changes: { directionIds: ['no-such-direction'] } })).toEqual([
      422,
      'agreement.directions.unknown',
      'changes.directionIds',
    ]);
    expect(
      await rule({ effectiveOn: '2026-11-28', changes: { obligations: [{ party: 'school', text: 'Только школа' }] } }),
    ).toEqual([422, 'agreement.obligations.both-parties', 'changes.obligations']);
    // the shape: at least one change, known fields only
    expect((await amend(id, { effectiveOn: '2026-11-28', changes: {} })).status).toBe(400);
    expect((await amend(id, { effectiveOn: '2026-11-28', changes: { number: 'X' } })).status).toBe(400);
    expect((await api('coordinator', 'get', `/agreements/${id}/amendments`)).body).toEqual([]);
  });

  it('lets only staff draw up and delete amendments, and answers a missing or malformed number with 404', async () => {
    const id = await agreement();
    expect((await amend(id, { effectiveOn: '2026-11-28', changes: { noticeDays: 60 } }, 'partner_rep')).status).toBe(
      403,
    );
    expect((await amend(id, { effectiveOn: '2026-11-28', changes: { noticeDays: 60 } })).status).toBe(201);
    expect((await api('partner_rep', 'delete', `/agreements/${id}/amendments/1`)).status).toBe(403);
    for (const n of ['2', 'abc', '0', '01', '1e3']) {
      const res = await api('school_admin', 'post', `/agreements/${id}/amendments/${n}/sign`, {
        party: 'school',
        signedOn: '2026-11-28',
      });
      expect([n, res.status, res.body.rule]).toEqual([n, 404, 'agreement.amendment.not-found']);
    }
  });
});
