import { newActivity, newPlan, ok, orgIds } from './fixtures';
import { bootApp, TestApp } from './harness';
import { SmtpInbox, startSmtpInbox } from './smtp-inbox';

/**
 * A partner without an account (issue 15 item 3) reads the link's e-mail and page in its own language: the language
 * its users last used in the panel, Russian for an organisation without users; the page also follows `?lang=` and
 * `Accept-Language` and offers the three languages.
 */
describe('Single-use links speak the recipient language', () => {
  let t: TestApp;
  let smtp: SmtpInbox;
  let coord: string;
  let admin: string;
  let ids: Record<string, string> = {};
  let directionId = '';
  let planId = '';

  const post = (path: string, body: object, token = coord) =>
    t.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body);
  const tokenOf = (url: string) => url.split('/link/')[1] as string;
  const mailTo = (address: string) => smtp.to(address).at(-1);

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    t = await bootApp({
      ...smtp.env,
      SOCIUM_PUBLIC_URL: 'https://socium.example.ru',
    });
    coord = await t.as('coordinator');
    admin = await t.as('school_admin');
    ids = await orgIds(t);
    const dirs = ok(
      await t.http.get('/api/v1/directions?limit=100').set('Authorization', `Bearer ${coord}`),
      200,
      'dirs',
    ).items as { id: string }[];
    directionId = dirs[0]?.id ?? '';
    planId = await newPlan(t, { organisationId: ids['urussu-gymnasium'], academicYear: '2043-2044' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it("writes the link's e-mail in Tatar to a partner whose users use the panel in Tatar, and the link opens the page in Tatar", async () => {
    // the partner's representative last used the panel in Tatar
    ok(
      await t.http
        .post('/api/v1/auth/login')
        .set('Accept-Language', 'tt')
        .send({ email: 'tapart@demo.socium.local', password: 'demo-partner-2020' }),
      200,
      'partner logs in in Tatar',
    );
    const activity = await newActivity(t, planId, {
      title: 'Заводка экскурсия',
      directionId,
      form: 'excursion',
      partnerId: ids['tapart'],
      startsOn: '2043-10-15',
      venue: 'Завод',
      targetGrades: [9],
    });
    // sent to the partner's office address, not a user's: the organisation's users decide the language
    const link = ok(
      await post(
        '/links',
        { purpose: 'activity.confirm', objectId: activity.id, email: 'office@tapart.example.ru' },
        admin,
      ),
      201,
      'link',
    );
    expect(link.emailedTo).toBe('office@tapart.example.ru');
    const mail = mailTo('office@tapart.example.ru');
    expect(mail?.subject).toBe('Чарада катнашуны раслагыз');
    expect(mail?.text).toContain('Мәктәп сездән оешмагызның уртак чарада катнашуын раслауны сорый.');
    expect(mail?.text).toContain('Чара: «Заводка экскурсия», 15.10.2043.');
    expect(mail?.text).not.toMatch(/Подтвердите|Мероприятие/);
    const emailed = /https:\/\/socium\.example\.ru(\/link\/[A-Za-z0-9_-]{43}\?lang=tt)/.exec(mail?.text ?? '')?.[1];
    expect(emailed).toBeDefined();

    const page = await t.http.get(emailed as string);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="tt">');
    expect(page.text).toContain('Катнашуны раслау</button>');
    expect(page.text).toContain(`action="/link/${tokenOf(link.url)}?lang=tt"`);
    const done = await t.http
      .post(`/link/${tokenOf(link.url)}?lang=tt`)
      .type('form')
      .send({ comment: 'Көтәбез' });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Рәхмәт, раслау кабул ителде');
  });

  it('writes in Russian to an organisation without users, and the page follows ?lang=en, then Accept-Language', async () => {
    const doc = ok(
      await post('/documents', { number: 'Р-7', title: 'О летнем отдыхе детей', issuedOn: '2026-11-20' }),
      201,
      'doc',
    );
    ok(await post(`/documents/${doc.id}/send`, { recipientIds: [ids['kcson-yutazy'] as string] }), 200, 'send');
    const link = ok(
      await post('/links', {
        purpose: 'document.acknowledge',
        objectId: doc.id,
        organisationId: ids['kcson-yutazy'],
        email: 'kcson@example.ru',
      }),
      201,
      'link',
    );
    const mail = mailTo('kcson@example.ru');
    expect(mail?.subject).toBe('Подтвердите ознакомление с документом');
    expect(mail?.text).toContain('Документ № Р-7 от 20.11.2026: «О летнем отдыхе детей».');
    expect(mail?.text).toContain(link.url);
    expect(mail?.text).not.toContain('?lang=');

    const token = tokenOf(link.url);
    const en = await t.http.get(`/link/${token}?lang=en`);
    expect(en.status).toBe(200);
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('<h1>Acknowledge a document</h1>');
    expect(en.text).toContain('Document No. Р-7 dated 20.11.2026');
    expect(en.text).toContain('Acknowledge</button>');
    // the three languages offered, each a link to the same page
    expect(en.text).toContain(`href="/link/${token}?lang=ru"`);
    expect(en.text).toContain(`href="/link/${token}?lang=tt"`);
    expect(en.text).toContain('Татарча');

    const byHeader = await t.http.get(`/link/${token}`).set('Accept-Language', 'tt-RU,tt;q=0.9');
    expect(byHeader.text).toContain('<h1>Документ белән танышуны раслау</h1>');
    const plain = await t.http.get(`/link/${token}`);
    expect(plain.text).toContain('<h1>Подтверждение ознакомления с документом</h1>');

    ok(await t.http.post(`/link/${token}?lang=en`).type('form').send({}), 200, 'use');
    const again = await t.http.post(`/link/${token}?lang=en`).type('form').send({});
    expect(again.status).toBe(422);
    expect(again.text).toContain('This link has already been used');
    const unknown = await t.http.get(`/link/${'A'.repeat(43)}?lang=tt`);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Сылтама табылмады');
  });
});
