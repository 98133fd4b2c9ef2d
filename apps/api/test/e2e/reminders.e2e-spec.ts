import type { Response } from 'supertest';

import { RemindersService } from '../../src/app/notifications/reminders.service';
import { bootApp, TestApp } from './harness';
import { SmtpInbox, startSmtpInbox } from './smtp-inbox';

/**
 * Reminders end to end (issue 15 item 2): a real SMTP server on loopback receives the e-mails; each cause gives one
 * notification and one e-mail, a second run sends nothing new, and a refusing server leads to a retry.
 */
describe('Reminders: in-app notifications and e-mail over SMTP', () => {
  let t: TestApp;
  let smtp: SmtpInbox;
  let coord: string;
  let admin: string;
  let gymnasiumId = '';

  const ok = (res: Response, status: number, what: string) => {
    if (res.status !== status)
      throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const get = (path: string, token = coord) => t.http.get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const post = (path: string, body: object = {}, token = coord) =>
    t.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body);
  const overdueDocument = async (number: string) => {
    t.clock.pin('2020-02-12');
    const doc = ok(
      await post('/documents', { number, title: 'О совместных планах', issuedOn: '2020-02-12', dueWorkingDays: 10 }),
      201,
      'create',
    );
    ok(await post(`/documents/${doc.id}/send`, { recipientIds: [gymnasiumId] }), 200, 'send');
    t.clock.pin('2020-02-28');
    return doc as { id: string; number: string };
  };
  const mailsAbout = (text: string) => smtp.mails.filter((m) => m.text.includes(text));

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    t = await bootApp({
      ...smtp.env,
      SOCIUM_EMAIL_RETRY_SECONDS: '0',
      SOCIUM_PUBLIC_URL: 'https://socium.example.ru',
    });
    coord = await t.as('coordinator');
    admin = await t.as('school_admin');
    const orgs = ok(await get('/organisations?limit=100'), 200, 'orgs').items as { id: string; slug: string }[];
    gymnasiumId = (orgs.find((o) => o.slug === 'urussu-gymnasium') as { id: string }).id;
  });
  afterAll(async () => {
    t.clock.pin('2026-11-28');
    await t.close();
    await smtp.close();
  });

  it('tells the late school and escalates to the coordinator once, by notification and by e-mail', async () => {
    const doc = await overdueDocument('Р-101');
    const run = ok(await post('/notifications/run'), 200, 'run');
    expect(run).toMatchObject({ ran: true, emailEnabled: true, emailsFailed: 0 });
    expect(run.notificationsCreated).toBeGreaterThanOrEqual(2);

    const school = ok(await get('/notifications?limit=100', admin), 200, 'list');
    const mine = school.items.filter(
      (n: { objectId: string; kind: string }) => n.objectId === doc.id && n.kind !== 'document.sent',
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      kind: 'document.overdue',
      subject: 'Просрочено ознакомление с документом № Р-101',
      link: `https://socium.example.ru/admin/documents/${doc.id}`,
      readAt: null,
      emailState: 'sent',
    });
    expect(school.unread).toBeGreaterThanOrEqual(1);
    const escalation = ok(await get('/notifications?limit=100'), 200, 'coord list').items.filter(
      (n: { objectId: string }) => n.objectId === doc.id,
    );
    expect(escalation.map((n: { kind: string }) => n.kind)).toEqual(['document.overdue-escalation']);

    const toSchool = mailsAbout(`/admin/documents/${doc.id}`).filter(
      (m) => m.to.includes('gymnasium@demo.socium.local') && !m.subject.startsWith('Новый документ'),
    );
    expect(toSchool).toHaveLength(1);
    expect(toSchool[0]?.raw).toMatch(/^Subject: /m);
    expect(toSchool[0]?.text).toContain('Срок исполнения документа № Р-101 истёк 27.02.2020');
    expect(
      mailsAbout(`/admin/documents/${doc.id}`).filter((m) => m.to.includes('coordinator@demo.socium.local')),
    ).toHaveLength(1);
    // the school was also told when the document was sent, in the same outbox, once
    expect(
      smtp.to('gymnasium@demo.socium.local').filter((m) => m.subject === 'Новый документ № Р-101 от 12.02.2020'),
    ).toHaveLength(1);

    // a second run finds the same causes and sends nothing new
    const before = smtp.mails.length;
    const again = ok(await post('/notifications/run'), 200, 'run again');
    expect(again).toMatchObject({ notificationsCreated: 0, emailsSent: 0 });
    expect(smtp.mails.length).toBe(before);
  });

  it('marks a notification read, all of them read, and hides other users’ notifications', async () => {
    const doc = await overdueDocument('Р-102');
    ok(await post('/notifications/run'), 200, 'run');
    const [n] = ok(await get('/notifications?unread=true&limit=100', admin), 200, 'list').items.filter(
      (x: { objectId: string }) => x.objectId === doc.id,
    );
    const read = ok(await post(`/notifications/${n.id}/read`, {}, admin), 200, 'read');
    expect(read.readAt).toEqual(expect.any(String));
    expect((await post(`/notifications/${n.id}/read`, {}, coord)).status).toBe(404);
    const all = ok(await post('/notifications/read-all', {}, admin), 200, 'read all');
    expect(all.read).toBeGreaterThanOrEqual(0);
    expect(ok(await get('/notifications', admin), 200, 'after').unread).toBe(0);
  });

  it('retries an e-mail the server refused, shows the failure to the coordinator, and sends it later', async () => {
    const doc = await overdueDocument('Р-103');
    smtp.refuse = true;
    const failed = ok(await post('/notifications/run'), 200, 'run refused');
    expect(failed.emailsFailed).toBeGreaterThanOrEqual(1);
    const pending = ok(await get('/notifications/deliveries?state=pending&limit=100'), 200, 'deliveries').items;
    const mine = pending.find((x: { subject: string }) => x.subject.includes('Р-103'));
    expect(mine).toMatchObject({ emailState: 'pending', emailAttempts: 1 });
    expect(mine.emailError).toMatch(/451|try later/);
    expect((await get('/notifications/deliveries', admin)).status).toBe(403);

    smtp.refuse = false;
    const retried = ok(await post('/notifications/run'), 200, 'run retried');
    expect(retried.emailsSent).toBeGreaterThanOrEqual(1);
    expect(mailsAbout(`/admin/documents/${doc.id}`).length).toBeGreaterThanOrEqual(1);
    const sent = ok(await get('/notifications/deliveries?state=sent&limit=100'), 200, 'sent').items;
    expect(sent.find((x: { subject: string }) => x.subject.includes('Р-103'))).toMatchObject({ emailAttempts: 2 });
  });

  it('reminds the coordinator of a placement still blocked ten days before it starts', async () => {
    t.clock.pin('2026-06-05');
    ok(await post('/notifications/run'), 200, 'run');
    const mine = ok(await get('/notifications?limit=100'), 200, 'list').items as { kind: string; subject: string }[];
    const blocked = mine.filter((n) => n.kind === 'placement.blocked-start');
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.subject).toContain('15.06.2026');
  });
  it('reminds a school without a plan after the deadline the coordinator set for the year, and only then', async () => {
    const year = '2020-2021';
    const cal = ok(await get(`/calendars/school-years?academicYear=${year}`), 200, 'calendar');
    expect(cal.planSubmissionDueOn).toBe('2020-10-01');
    const body = {
      termScheme: cal.termScheme,
      terms: cal.terms.map((x: { first: string; last: string }) => ({ first: x.first, last: x.last })),
    };
    const outside = await t.http
      .put(`/api/v1/calendars/school-years/${year}`)
      .set('Authorization', `Bearer ${coord}`)
      .send({ ...body, planSubmissionDueOn: '2021-09-15' });
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({ rule: 'period.plan-due.outside-year' });
    const saved = ok(
      await t.http
        .put(`/api/v1/calendars/school-years/${year}`)
        .set('Authorization', `Bearer ${coord}`)
        .send({ ...body, planSubmissionDueOn: '2020-09-15' }),
      200,
      'set the deadline',
    );
    expect(saved.planSubmissionDueOn).toBe('2020-09-15');
    const bySchool = await t.http
      .put(`/api/v1/calendars/school-years/${year}?organisationId=${gymnasiumId}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...body, planSubmissionDueOn: '2020-09-01' });
    expect(bySchool.status).toBe(422);
    expect(bySchool.body).toMatchObject({ rule: 'period.plan-due.district-only' });

    const planReminders = async () =>
      (ok(await get('/notifications?limit=100', admin), 200, 'list').items as { kind: string; body: string }[]).filter(
        (n) => n.kind === 'plan.not-submitted' && n.body.includes('2020–2021'),
      );
    t.clock.pin('2020-09-15');
    ok(await post('/notifications/run'), 200, 'run on the deadline');
    expect(await planReminders()).toHaveLength(0);
    t.clock.pin('2020-09-16');
    ok(await post('/notifications/run'), 200, 'run after it');
    const mine = await planReminders();
    expect(mine).toHaveLength(1);
    expect(mine[0]?.body).toContain('15.09.2020');
    expect(mailsAbout('15.09.2020').filter((m) => m.to.includes('gymnasium@demo.socium.local'))).toHaveLength(1);
  });
  it('writes to each user in the language of their last log-in, Russian when unknown', async () => {
    const login = (lang: string) =>
      t.http
        .post('/api/v1/auth/login')
        .set('Accept-Language', lang)
        .send({ email: 'coordinator@demo.socium.local', password: 'demo-coordinator-2020' });
    ok(await login('en'), 200, 'log in in English');
    const doc = await overdueDocument('Р-104');
    ok(await post('/notifications/run'), 200, 'run');
    const escalation = (
      ok(await get('/notifications?limit=100'), 200, 'coord list').items as {
        objectId: string;
        subject: string;
      }[]
    ).find((n) => n.objectId === doc.id);
    expect(escalation?.subject).toBe('Document No. Р-104: overdue recipients — 1');
    const school = (
      ok(await get('/notifications?limit=100', admin), 200, 'school list').items as {
        objectId: string;
        subject: string;
      }[]
    ).find((n) => n.objectId === doc.id);
    expect(school?.subject).toBe('Просрочено ознакомление с документом № Р-104');
    const mail = mailsAbout(`/admin/documents/${doc.id}`).find((m) => m.to.includes('coordinator@demo.socium.local'));
    expect(mail?.text).toContain('The due date of document No. Р-104 passed on');
    ok(await login('ru'), 200, 'back to Russian');
  });
  it("reminds a partner and the coordinators 30 days before the partner's vetting confirmation runs out", async () => {
    t.clock.pin('2026-05-01');
    const orgs = ok(await get('/organisations?limit=100'), 200, 'orgs').items as {
      id: string;
      slug: string;
      version: number;
    }[];
    const tapart = orgs.find((o) => o.slug === 'tapart') as { id: string; version: number };
    const patched = ok(
      await t.http
        .patch(`/api/v1/organisations/${tapart.id}`)
        .set('Authorization', `Bearer ${coord}`)
        .send({ vettingValidUntil: '2026-06-01', version: tapart.version }),
      200,
      'record the date',
    );
    expect(patched.vettingValidUntil).toBe('2026-06-01');
    const partner = await t.as('partner_rep');
    const vetting = async (token: string) =>
      (ok(await get('/notifications?limit=100', token), 200, 'list').items as { kind: string; link: string }[]).filter(
        (n) => n.kind === 'organisation.vetting-expiring',
      );
    ok(await post('/notifications/run'), 200, 'run 31 days before');
    expect(await vetting(partner)).toHaveLength(0);
    t.clock.pin('2026-05-02');
    ok(await post('/notifications/run'), 200, 'run 30 days before');
    const mine = await vetting(partner);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.link).toBe(`https://socium.example.ru/admin/organisations/${tapart.id}`);
    expect(await vetting(coord)).toHaveLength(1);
    expect(mailsAbout('351.1').filter((m) => m.to.includes('tapart@demo.socium.local'))).toHaveLength(1);
  });
  it("runs the daily pass once a day: a second look the same day, or after a restart, does nothing; the next day's runs", async () => {
    const reminders = t.app.get(RemindersService);
    t.clock.pin('2031-03-10');
    const first = await reminders.runIfDue();
    expect(first).toMatchObject({ ran: true });
    expect(await reminders.runIfDue()).toBeNull();
    // the day is kept in the database, not in this process: what another process (or this one restarted) reads
    const rows: { day: string }[] = await t.orm.em.getConnection().execute('select day from reminder_pass');
    expect(rows.map((r) => r.day)).toContain('2031-03-10');
    t.clock.pin('2031-03-11');
    expect(await reminders.runIfDue()).toMatchObject({ ran: true });
    expect(await reminders.runIfDue()).toBeNull();
  });
});
