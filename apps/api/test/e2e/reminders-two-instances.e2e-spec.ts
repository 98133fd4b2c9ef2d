import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';

import { bootApp, joinApp, sharedDatabase, TestApp } from './harness';
import { SmtpInbox, startSmtpInbox } from './smtp-inbox';

/**
 * Two API processes on one database (a district behind a proxy): both run the reminders at the same moment, again
 * and again, and every user still gets one notification and one e-mail per cause — the unique index and the
 * per-e-mail claim (and on PostgreSQL the advisory lock) hold across instances, not only inside one.
 */
describe('Reminders with two API instances on one database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'socium-reminders-'));
  let a: TestApp;
  let b: TestApp;
  let smtp: SmtpInbox;

  const ok = (res: Response, status: number, what: string) => {
    if (res.status !== status)
      throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    const env = {
      ...smtp.env,
      SOCIUM_EMAIL_RETRY_SECONDS: '0',
      SOCIUM_PUBLIC_URL: 'https://socium.example.ru',
    };
    const database = sharedDatabase(join(dir, 'shared.sqlite'));
    a = await bootApp({ ...env, DATABASE_URL: database });
    b = await joinApp(database, env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('notifies and e-mails each late recipient once although both instances run at once, three times', async () => {
    const coordA = await a.as('coordinator');
    const coordB = await b.as('coordinator');
    const orgs = ok(
      await a.http.get('/api/v1/organisations?limit=100&kind=school').set('Authorization', `Bearer ${coordA}`),
      200,
      'schools',
    ).items as { id: string }[];
    a.clock.pin('2020-02-12');
    b.clock.pin('2020-02-12');
    const doc = ok(
      await a.http
        .post('/api/v1/documents')
        .set('Authorization', `Bearer ${coordA}`)
        .send({ number: 'Р-201', title: 'О совместных планах', issuedOn: '2020-02-12', dueWorkingDays: 5 }),
      201,
      'create',
    );
    // sent through one instance, then again through the other: nobody new, so nothing more to tell
    for (const [app, token] of [
      [a, coordA],
      [b, coordB],
    ] as const)
      ok(
        await app.http
          .post(`/api/v1/documents/${doc.id}/send`)
          .set('Authorization', `Bearer ${token}`)
          .send({ recipientIds: orgs.map((o) => o.id) }),
        200,
        'send',
      );
    a.clock.pin('2020-03-02');
    b.clock.pin('2020-03-02');
    for (let round = 0; round < 3; round++) {
      const runs = await Promise.all([
        a.http.post('/api/v1/notifications/run').set('Authorization', `Bearer ${coordA}`),
        b.http.post('/api/v1/notifications/run').set('Authorization', `Bearer ${coordB}`),
      ]);
      for (const r of runs) expect(r.status).toBe(200);
    }
    const link = `/admin/documents/${doc.id}`;
    const mails = smtp.mails.filter((m) => m.text.includes(link));
    // per address: one e-mail that the document was sent, one that it is overdue (or, to a coordinator, escalated)
    const perAddress = new Map<string, number>();
    for (const m of mails)
      for (const to of m.to) perAddress.set(`${to} ${m.subject}`, (perAddress.get(`${to} ${m.subject}`) ?? 0) + 1);
    expect([...perAddress.keys()].filter((k) => k.includes('Новый документ № Р-201')).length).toBeGreaterThanOrEqual(1);
    expect(perAddress.size).toBeGreaterThanOrEqual(3);
    expect([...perAddress.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    const coordinatorList = ok(
      await b.http.get('/api/v1/notifications?limit=100').set('Authorization', `Bearer ${coordB}`),
      200,
      'list',
    ).items as { objectId: string; kind: string; emailState: string }[];
    const escalations = coordinatorList.filter((n) => n.objectId === doc.id && n.kind !== 'document.sent');
    expect(escalations.map((n) => [n.kind, n.emailState])).toEqual([['document.overdue-escalation', 'sent']]);
  });
});
