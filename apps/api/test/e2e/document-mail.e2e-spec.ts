import { isPostgres } from '@socium/api-persistence';

import type { SqlEntityManager } from '@mikro-orm/knex';

import { ok } from './fixtures';
import { bootApp, TestApp } from './harness';
import { SmtpInbox, startSmtpInbox } from './smtp-inbox';

const GYMNASIUM = 'gymnasium@demo.socium.local';
const TAPART = 'tapart@demo.socium.local';
const KCSON = 'priemnaya@kcson.example.ru';
const LINK = /https:\/\/socium\.example\.ru\/link\/([A-Za-z0-9_-]{43})/;

/**
 * E-mail when a document is sent (issue 15): every user of each recipient organisation is written to in their
 * language through the reminders' outbox, once per revision; an organisation without users gets, at its contact
 * e-mail, a single-use link to acknowledge — when the document is sent and when it is late. A real SMTP server on
 * loopback receives them; the clock is fixed. A send and its e-mails are one transaction: when the database refuses
 * the notifications (a trigger, as a full disk or a broken constraint would), the send is undone and answers 503.
 */
describe('E-mail when a document is sent', () => {
  let t: TestApp;
  let smtp: SmtpInbox;
  let coord: string;
  const ids: Record<string, string> = {};

  const get = (path: string, token = coord) => t.http.get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const post = (path: string, body: object = {}, token = coord) =>
    t.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body);
  const run = async () => ok(await post('/notifications/run'), 200, 'run');
  const newDocument = async (number: string) =>
    ok(
      await post('/documents', {
        number,
        title: 'О совместных планах работы',
        issuedOn: '2020-02-12',
        dueWorkingDays: 10,
      }),
      201,
      'create',
    ) as { id: string; version: number; revision: number };
  const sentDocument = async (number: string, recipients: string[]) => {
    t.clock.pin('2020-02-12');
    const doc = await newDocument(number);
    ok(await post(`/documents/${doc.id}/send`, { recipientIds: recipients.map((s) => ids[s]) }), 200, 'send');
    return doc;
  };
  const about = (address: string, number: string) => smtp.to(address).filter((m) => m.subject.includes(number));
  const stateOf = async (docId: string, slug: string) =>
    (
      ok(await get(`/documents/${docId}/recipients`), 200, 'recipients').items as {
        organisationId: string;
        state: string;
      }[]
    ).find((r) => r.organisationId === ids[slug])?.state;

  const knex = () => (t.orm.em.fork() as SqlEntityManager).getKnex();
  const count = async (table: string, where: Record<string, unknown>) =>
    Number((await knex()(table).where(where).count({ n: '*' }))[0]?.['n'] ?? 0);
  /** Every later insert of a notification fails in the database until `allowNotifications`. */
  const refuseNotifications = async () => {
    const k = knex();
    if (isPostgres(k)) {
      await k.raw(`create or replace function refuse_notification() returns trigger language plpgsql as
        $$ begin raise exception 'notifications refused by the test'; end $$`);
      await k.raw(`create trigger refuse_notifications before insert on notification
        for each row execute function refuse_notification()`);
    } else {
      await k.raw(`create trigger refuse_notifications before insert on notification
        begin select raise(abort, 'notifications refused by the test'); end`);
    }
  };
  const allowNotifications = async () => {
    await knex().raw('drop trigger refuse_notifications' + (isPostgres(knex()) ? ' on notification' : ''));
  };

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    t = await bootApp({ ...smtp.env, SOCIUM_EMAIL_RETRY_SECONDS: '0', SOCIUM_PUBLIC_URL: 'https://socium.example.ru' });
    coord = await t.as('coordinator');
    await t.as('partner_rep');
    // the gymnasium's user last used the panel in Tatar
    ok(
      await t.http
        .post('/api/v1/auth/login')
        .set('Accept-Language', 'tt')
        .send({ email: GYMNASIUM, password: 'demo-school-2020' }),
      200,
      'log in in Tatar',
    );
    const orgs = ok(await get('/organisations?limit=100'), 200, 'orgs').items as {
      id: string;
      slug: string;
      version: number;
    }[];
    for (const o of orgs) ids[o.slug] = o.id;
    // the social services centre has no user, only its reception's address
    const kcson = orgs.find((o) => o.slug === 'kcson-yutazy') as { id: string; version: number };
    ok(
      await t.http
        .patch(`/api/v1/organisations/${kcson.id}`)
        .set('Authorization', `Bearer ${coord}`)
        .send({ contacts: [{ role: 'Приёмная', email: KCSON }], version: kcson.version }),
      200,
      'contact e-mail',
    );
  });
  afterAll(async () => {
    t.clock.pin('2026-11-28');
    await t.close();
    await smtp.close();
  });

  it('writes to every user of each recipient in their language with the number, date, title, due date and the inbox link, once', async () => {
    const doc = await sentDocument('Р-301', ['urussu-gymnasium', 'tapart']);
    const first = await run();
    expect(first).toMatchObject({ emailEnabled: true, emailsFailed: 0 });
    expect(first.emailsSent).toBeGreaterThanOrEqual(2);

    const [tatar] = about(GYMNASIUM, 'Р-301');
    expect(tatar?.subject).toBe('12.02.2020 көнне чыккан Р-301 номерлы яңа документ');
    expect(tatar?.text).toContain('«О совместных планах работы»');
    expect(tatar?.text).toContain('Үтәү срогы — 27.02.2020.');
    expect(tatar?.text).toContain(`https://socium.example.ru/admin/documents/${doc.id}`);
    const [russian] = about(TAPART, 'Р-301');
    expect(russian?.subject).toBe('Новый документ № Р-301 от 12.02.2020');
    expect(russian?.text).toContain(
      'Отдел образования направил вашей организации документ № Р-301 от 12.02.2020 «О совместных планах работы». Срок исполнения — 27.02.2020.',
    );
    // the bell of the school's user has it too
    const admin = await t.as('school_admin');
    const bell = ok(await get('/notifications?limit=100', admin), 200, 'bell').items as {
      kind: string;
      objectId: string;
      emailState: string;
    }[];
    expect(bell.filter((n) => n.objectId === doc.id)).toEqual([
      expect.objectContaining({ kind: 'document.sent', emailState: 'sent' }),
    ]);

    // sent again (nobody new) and run again: nothing more
    ok(await post(`/documents/${doc.id}/send`, { recipientIds: [ids['urussu-gymnasium']] }), 200, 'send again');
    expect(await run()).toMatchObject({ emailsSent: 0 });
    expect(about(GYMNASIUM, 'Р-301')).toHaveLength(1);
    expect(about(TAPART, 'Р-301')).toHaveLength(1);
  });

  it('asks every recipient again by e-mail when a new version is issued', async () => {
    const doc = await sentDocument('Р-302', ['urussu-gymnasium']);
    await run();
    t.clock.pin('2020-02-14');
    ok(
      await post(`/documents/${doc.id}/reissue`, { reason: 'Уточнены сроки', dueWorkingDays: 5, version: doc.version }),
      200,
      'reissue',
    );
    await run();
    const mails = about(GYMNASIUM, 'Р-302');
    expect(mails).toHaveLength(2);
    // the school's user logged in last without a language (the test above): Russian now
    expect(mails[1]?.text).toContain('Срок исполнения — 21.02.2020.');
  });

  it('sends an organisation without users a single-use link that acknowledges the document without logging in', async () => {
    const doc = await sentDocument('Р-303', ['kcson-yutazy']);
    await run();
    const [mail] = smtp.to(KCSON).filter((m) => m.text.includes('Р-303'));
    expect(mail?.subject).toBe('Новый документ № Р-303 от 12.02.2020');
    expect(mail?.text).toContain('Отдел образования просит подтвердить ознакомление с документом.');
    expect(mail?.text).not.toContain('/admin/');
    const token = LINK.exec(mail?.text ?? '')?.[1] as string;
    expect(token).toBeDefined();
    expect(await stateOf(doc.id, 'kcson-yutazy')).toBe('sent');

    const page = await t.http.get(`/link/${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Документ № Р-303 от 12.02.2020');
    ok(await t.http.post(`/link/${token}`).type('form').send({ comment: 'Ознакомлены' }), 200, 'acknowledge');
    expect(await stateOf(doc.id, 'kcson-yutazy')).toBe('acknowledged');
    expect((await t.http.post(`/link/${token}`).type('form').send({})).status).toBe(422);
    const audit = ok(await get(`/audit?objectType=document_recipient&limit=100`), 200, 'audit').items as {
      after: unknown;
    }[];
    expect(JSON.stringify(audit)).toContain('link:');
    // the link's making is in the audit log too, by nobody (the system), without its token
    const made = ok(await get('/audit?objectType=single_use_link&limit=100'), 200, 'links audit').items as {
      userId: string | null;
      action: string;
      after: Record<string, unknown>;
    }[];
    const mine = made.filter((e) => e.after?.['objectId'] === doc.id);
    expect(mine).toEqual([
      expect.objectContaining({
        userId: null,
        action: 'create',
        after: expect.objectContaining({ purpose: 'document.acknowledge', email: KCSON }),
      }),
    ]);
    expect(JSON.stringify(mine)).not.toContain(token);
  });

  it('reminds a late organisation without users by e-mail with a fresh link, once', async () => {
    const doc = await sentDocument('Р-304', ['kcson-yutazy']);
    await run();
    t.clock.pin('2020-02-28');
    await run();
    await run();
    const late = smtp.to(KCSON).filter((m) => m.subject === 'Просрочено ознакомление с документом № Р-304');
    expect(late).toHaveLength(1);
    expect(late[0]?.text).toContain('Срок исполнения документа № Р-304 истёк 27.02.2020.');
    const sentToken = LINK.exec(smtp.to(KCSON).find((m) => m.subject.includes('Р-304 от'))?.text ?? '')?.[1];
    const lateToken = LINK.exec(late[0]?.text ?? '')?.[1] as string;
    expect(lateToken).toBeDefined();
    expect(lateToken).not.toBe(sentToken);
    ok(await t.http.post(`/link/${lateToken}`).type('form').send({}), 200, 'acknowledge late');
    expect(await stateOf(doc.id, 'kcson-yutazy')).toBe('acknowledged');
  });

  it('keeps the send working while the SMTP server refuses, and delivers on a later run', async () => {
    smtp.refuse = true;
    const doc = await sentDocument('Р-305', ['urussu-gymnasium', 'kcson-yutazy']);
    const refused = await run();
    expect(refused.emailsFailed).toBe(2);
    const pending = ok(await get('/notifications/deliveries?state=pending&limit=100'), 200, 'deliveries').items as {
      subject: string;
      emailAttempts: number;
      emailError: string;
      recipientEmail: string;
      organisationName: string;
    }[];
    const mine = pending.filter((d) => d.subject.includes('Р-305'));
    expect(mine).toHaveLength(2);
    for (const d of mine) expect(d).toMatchObject({ emailAttempts: 1, emailError: expect.stringMatching(/451/) });
    // the coordinator reads the address and the organisation's name, not ids
    expect(mine.map((d) => [d.recipientEmail, d.organisationName]).sort()).toEqual([
      [GYMNASIUM, expect.stringMatching(/гимназия/i)],
      [KCSON, expect.stringMatching(/КЦСОН|социальн/i)],
    ]);
    expect(about(GYMNASIUM, 'Р-305')).toHaveLength(0);

    smtp.refuse = false;
    expect((await run()).emailsSent).toBe(2);
    expect(about(GYMNASIUM, 'Р-305')).toHaveLength(1);
    expect(smtp.to(KCSON).filter((m) => m.subject.includes('Р-305'))).toHaveLength(1);
    expect(await stateOf(doc.id, 'urussu-gymnasium')).toBe('sent');
  });

  it('undoes the send and answers 503 with its rule when the notifications cannot be stored', async () => {
    t.clock.pin('2020-02-12');
    const doc = await newDocument('Т-401');
    await refuseNotifications();
    try {
      const res = await post(`/documents/${doc.id}/send`, {
        recipientIds: [ids['urussu-gymnasium'], ids['kcson-yutazy']],
      });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ rule: 'document.notifications.unstored' });
      expect(res.body.message).toContain('не отправлен');
    } finally {
      await allowNotifications();
    }
    // nothing of the send is left: no recipient, no audit entry, no notification, no link
    expect(ok(await get(`/documents/${doc.id}/recipients`), 200, 'recipients').items).toEqual([]);
    expect(await count('document_recipient', { document_id: doc.id })).toBe(0);
    expect(await count('notification', { object_id: doc.id })).toBe(0);
    expect(await count('single_use_link', { object_id: doc.id })).toBe(0);
    expect(await count('audit_entry', { object_id: doc.id, action: 'send' })).toBe(0);
  });

  it('stores the recipients, their notifications with the e-mail outbox and the links together on a normal send', async () => {
    t.clock.pin('2020-02-12');
    const doc = await newDocument('Т-402');
    ok(
      await post(`/documents/${doc.id}/send`, { recipientIds: [ids['urussu-gymnasium'], ids['kcson-yutazy']] }),
      200,
      'send',
    );
    // right after the answer, before any delivery run
    expect(await count('document_recipient', { document_id: doc.id })).toBe(2);
    const users = await count('notification', { object_id: doc.id, email_to: null });
    expect(users).toBeGreaterThanOrEqual(1);
    expect(await count('notification', { object_id: doc.id, email_to: KCSON, email_state: 'pending' })).toBe(1);
    expect(await count('single_use_link', { object_id: doc.id })).toBe(1);
    expect(await count('audit_entry', { object_id: doc.id, action: 'send' })).toBe(1);
  });

  it('keeps the earlier version and its recipients as they were when a new version cannot notify them', async () => {
    t.clock.pin('2020-02-12');
    const doc = await newDocument('Т-403');
    ok(await post(`/documents/${doc.id}/send`, { recipientIds: [ids['urussu-gymnasium']] }), 200, 'send');
    const school = await t.as('school_admin');
    ok(await post(`/documents/${doc.id}/acknowledge`, {}, school), 200, 'acknowledge');
    const before = await count('notification', { object_id: doc.id });
    await refuseNotifications();
    try {
      const res = await post(`/documents/${doc.id}/reissue`, {
        reason: 'Уточнены сроки',
        dueWorkingDays: 5,
        version: doc.version,
      });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ rule: 'document.notifications.unstored' });
    } finally {
      await allowNotifications();
    }
    const after = ok(await get(`/documents/${doc.id}`), 200, 'document') as { revision: number; version: number };
    expect(after).toMatchObject({ revision: doc.revision, version: doc.version });
    const lines = ok(await get(`/documents/${doc.id}/recipients`), 200, 'recipients').items as { state: string }[];
    expect(lines).toEqual([expect.objectContaining({ state: 'acknowledged' })]);
    expect(await count('notification', { object_id: doc.id })).toBe(before);
    expect(await count('audit_entry', { object_id: doc.id, action: 'reissue' })).toBe(0);

    // the same new version goes through once the database takes notifications again
    ok(
      await post(`/documents/${doc.id}/reissue`, { reason: 'Уточнены сроки', dueWorkingDays: 5, version: doc.version }),
      200,
      'reissue',
    );
    expect(await count('notification', { object_id: doc.id })).toBeGreaterThan(before);
  });

  it("writes to an organisation without users in the organisation's language: a Tatar one gets Tatar e-mails and a Tatar page", async () => {
    const kcson = ok(await get(`/organisations/${ids['kcson-yutazy']}`), 200, 'organisation') as { version: number };
    const bad = await t.http
      .patch(`/api/v1/organisations/${ids['kcson-yutazy']}`)
      .set('Authorization', `Bearer ${coord}`)
      .send({ language: 'de', version: kcson.version });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('language');
    const tatar = ok(
      await t.http
        .patch(`/api/v1/organisations/${ids['kcson-yutazy']}`)
        .set('Authorization', `Bearer ${coord}`)
        .send({ language: 'tt', version: kcson.version }),
      200,
      'language',
    );
    expect(tatar).toMatchObject({ language: 'tt' });

    const doc = await sentDocument('Р-307', ['kcson-yutazy']);
    await run();
    const [mail] = about(KCSON, 'Р-307');
    expect(mail?.subject).toBe('12.02.2020 көнне чыккан Р-307 номерлы яңа документ');
    expect(mail?.text).toContain(
      'Мәгариф бүлеге оешмагызга 12.02.2020 көнне чыккан Р-307 номерлы «О совместных планах работы» документын җибәрде. Үтәү срогы — 27.02.2020.',
    );
    expect(mail?.text).toContain('Мәгариф бүлеге сездән документ белән танышуны раслауны сорый.');
    expect(mail?.text).not.toMatch(/Отдел образования|Подтвердите/);
    expect(mail?.text).toMatch(/\/link\/[A-Za-z0-9_-]{43}\?lang=tt/);
    const token = LINK.exec(mail?.text ?? '')?.[1] as string;
    const page = await t.http.get(`/link/${token}?lang=tt`);
    expect(page.text).toContain('Танышуны раслау');

    // late: the reminder is in Tatar too
    t.clock.pin('2020-02-28');
    await run();
    const late = about(KCSON, 'Р-307').filter((m) => m !== mail);
    expect(late.map((m) => m.subject)).toEqual(['Р-307 номерлы документ белән танышу срогы узган']);
    expect(late[0]?.text).toContain('Р-307 номерлы документның үтәү срогы 27.02.2020 узды.');
    expect(await stateOf(doc.id, 'kcson-yutazy')).toBe('sent');
  });
});

describe('Sending a document with e-mail off', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends, tells the users in the panel, and marks their e-mail off', async () => {
    const coord = await t.as('coordinator');
    const admin = await t.as('school_admin');
    const orgs = (await t.http.get('/api/v1/organisations?limit=100').set('Authorization', `Bearer ${coord}`)).body
      .items as { id: string; slug: string }[];
    const gymnasium = orgs.find((o) => o.slug === 'urussu-gymnasium')?.id;
    const doc = await t.http
      .post('/api/v1/documents')
      .set('Authorization', `Bearer ${coord}`)
      .send({ number: 'Р-306', title: 'О летнем отдыхе', issuedOn: '2026-11-20' });
    expect(doc.status).toBe(201);
    const sent = await t.http
      .post(`/api/v1/documents/${doc.body.id}/send`)
      .set('Authorization', `Bearer ${coord}`)
      .send({ recipientIds: [gymnasium] });
    expect(sent.status).toBe(200);
    const bell = (await t.http.get('/api/v1/notifications?limit=100').set('Authorization', `Bearer ${admin}`)).body
      .items as { kind: string; objectId: string; subject: string; emailState: string }[];
    expect(bell.filter((n) => n.objectId === doc.body.id)).toEqual([
      expect.objectContaining({
        kind: 'document.sent',
        subject: 'Новый документ № Р-306 от 20.11.2026',
        emailState: 'off',
      }),
    ]);
  });
});
