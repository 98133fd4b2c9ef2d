import { isPostgres } from '@socium/api-persistence';

import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Response } from 'supertest';

import { bootApp, TestApp } from './harness';
import { SmtpInbox, startSmtpInbox } from './smtp-inbox';

const KCSON = 'priemnaya@kcson.example.ru';

/**
 * A send and its e-mails are one transaction (issue 15): the recipients' lines, the notifications with their e-mail
 * outbox and the single-use links of organisations without users are stored together or not at all. The database is
 * made to refuse every notification (a trigger, as a full disk or a broken constraint would): the send is undone and
 * answers 503 with its rule; without the trigger the same send stores everything at once.
 */
describe('A document send and its notifications in one transaction', () => {
  let t: TestApp;
  let smtp: SmtpInbox;
  let coord: string;
  const ids: Record<string, string> = {};

  const ok = (res: Response, status: number, what: string) => {
    if (res.status !== status)
      throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body ?? res.text)}`);
    return res.body;
  };
  const get = (path: string, token = coord) => t.http.get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const post = (path: string, body: object = {}, token = coord) =>
    t.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body);
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

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    t = await bootApp({ ...smtp.env, SOCIUM_PUBLIC_URL: 'https://socium.example.ru' });
    t.clock.pin('2020-02-12');
    coord = await t.as('coordinator');
    const orgs = ok(await get('/organisations?limit=100'), 200, 'orgs').items as {
      id: string;
      slug: string;
      version: number;
    }[];
    for (const o of orgs) ids[o.slug] = o.id;
    // an organisation without users, reached at its contact e-mail with a single-use link
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

  it('undoes the send and answers 503 with its rule when the notifications cannot be stored', async () => {
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
});
