import { ActivityRecord, OrganisationRecord } from '@socium/api-persistence';

import { bundleName } from '../../src/app/publication/public-pages.service';
import { bootApp, TestApp } from './harness';

/** Every key the public payload may hold, as paths (`[]` marks an array element). */
const ALLOWED = new Set([
  'slug',
  'kind',
  'name',
  'shortName',
  'site',
  'address',
  'generatedOn',
  'partners',
  'partners[]',
  'partners[].name',
  'partners[].partnerType',
  'agreements',
  'agreements[]',
  'agreements[].number',
  'agreements[].kind',
  'agreements[].partner',
  'agreements[].startsOn',
  'agreements[].endsOn',
  'upcoming',
  'upcoming[]',
  'upcoming[].id',
  'upcoming[].title',
  'upcoming[].startsOn',
  'upcoming[].endsOn',
  'upcoming[].venue',
  'upcoming[].form',
  'upcoming[].targetGrades',
  'upcoming[].targetGrades[]',
  'upcoming[].partner',
  'recent',
  'recent[]',
  'recent[].id',
  'recent[].title',
  'recent[].heldOn',
  'recent[].form',
  'recent[].result',
  'recent[].partner',
  'figures',
  'figures.academicYear',
  'figures.partners',
  'figures.agreementsActive',
  'figures.activitiesHeld',
  'figures.activitiesPlanned',
  'figures.participants',
  'figures.schools',
  'schools',
  'schools[]',
  'schools[].slug',
  'schools[].name',
  'documents',
  'documents[]',
  'documents[].number',
  'documents[].title',
  'documents[].issuedOn',
  'documents[].summary',
]);

function keyPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((v) => keyPaths(v, `${path}[]`))].filter(Boolean);
  if (value && typeof value === 'object')
    return [
      ...(path ? [path] : []),
      ...Object.entries(value).flatMap(([k, v]) => keyPaths(v, path ? `${path}.${k}` : k)),
    ];
  return path ? [path] : [];
}

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;
const PHONE = /(\+7|\b8)[\s(-]+\d{3,5}[\s)-]+\d{1,3}[\s-]+\d{2}[\s-]+\d{2}/;

/** A tiny RFC 5545 reader: unfolds lines and returns each VEVENT's properties (name without parameters → value). */
function parseIcs(text: string): { raw: string[]; events: Record<string, string>[] } {
  const raw = text.split('\r\n');
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const events: Record<string, string>[] = [];
  let cur: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT' && cur) {
      events.push(cur);
      cur = null;
    } else if (cur) {
      const i = line.indexOf(':');
      cur[line.slice(0, i)] = line.slice(i + 1);
    }
  }
  return { raw, events };
}

describe('Public organisation pages', () => {
  let t: TestApp;
  let coordinator: string;
  let direction: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function school(slug: string): Promise<string> {
    const res = await t.http
      .post('/api/v1/organisations')
      .set(auth(coordinator))
      .send({
        kind: 'school',
        name: `Школа ${slug}`,
        shortName: `Школа ${slug}`,
        slug,
        contacts: [{ role: 'Приёмная', phone: '+7 (85593) 2-22-22', email: 'school@example.org' }],
      });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function planWithActivity(
    organisationId: string,
    activity: Record<string, unknown>,
  ): Promise<{ planId: string; activity: { id: string; version: number } }> {
    const plan = await t.http
      .post('/api/v1/plans')
      .set(auth(coordinator))
      .send({ organisationId, academicYear: '2026-2027' });
    expect(plan.status).toBe(201);
    const act = await t.http
      .post(`/api/v1/plans/${plan.body.id}/activities`)
      .set(auth(coordinator))
      .send({
        title: 'Экскурсия на элеватор',
        directionId: direction,
        form: 'excursion',
        startsOn: '2026-12-10',
        targetGrades: [8, 9],
        venue: 'Элеватор, с. Ютаза',
        isPublic: true,
        ...activity,
      });
    expect(act.status).toBe(201);
    // public activities go public once their plan is approved (issue 14 item 5)
    expect((await t.http.post(`/api/v1/plans/${plan.body.id}/submit`).set(auth(coordinator)).send({})).status).toBe(
      200,
    );
    expect((await t.http.post(`/api/v1/plans/${plan.body.id}/approve`).set(auth(coordinator)).send({})).status).toBe(
      200,
    );
    return { planId: plan.body.id, activity: act.body };
  }

  beforeAll(async () => {
    t = await bootApp();
    coordinator = await t.as('coordinator');
    const dirs = await t.http.get('/api/v1/directions?limit=100').set(auth(coordinator));
    direction = (dirs.body.items as { id: string; code: string }[]).find((d) => d.code === 'career_guidance')
      ?.id as string;
  });
  afterAll(() => t.close());

  it('answers a school without a token, holding only allowlisted keys', async () => {
    const res = await t.http.get('/api/v1/public/organisations/urussu-gymnasium');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const unexpected = keyPaths(res.body).filter((p) => !ALLOWED.has(p));
    expect(unexpected).toEqual([]);
    expect(res.body).toMatchObject({
      slug: 'urussu-gymnasium',
      kind: 'school',
      name: 'Уруссинская гимназия',
      figures: { academicYear: '2026-2027' },
    });
    expect(res.body.partners.length).toBeGreaterThan(0);
    expect(res.body.agreements.length).toBeGreaterThan(0);
    expect(res.body.upcoming.length).toBeGreaterThan(0);
    expect(res.body.upcoming.length).toBeLessThanOrEqual(20);
    expect(res.body.recent.length).toBeLessThanOrEqual(10);
    for (const u of res.body.upcoming) expect(u.startsOn >= '2026-11-28').toBe(true);
  });

  it('never publishes an e-mail address, a phone number or a contact', async () => {
    await school('reception-school');
    for (const slug of ['urussu-gymnasium', 'otdel-obrazovaniya', 'reception-school', 'tapart']) {
      const res = await t.http.get(`/api/v1/public/organisations/${slug}`);
      expect(res.status).toBe(200);
      expect(res.text).not.toMatch(EMAIL);
      expect(res.text).not.toMatch(PHONE);
      expect(res.text).not.toContain('2-22-22');
      expect(res.text).not.toMatch(/contacts|email|phone|password|studentCode|birth/i);
      expect(keyPaths(res.body).filter((p) => !ALLOWED.has(p))).toEqual([]);
    }
  });

  it('answers the department with district figures, its schools and public documents', async () => {
    const res = await t.http.get('/api/v1/public/organisations/otdel-obrazovaniya');
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('department');
    expect(res.body.schools).toEqual(
      expect.arrayContaining([{ slug: 'urussu-gymnasium', name: 'Уруссинская гимназия' }]),
    );
    expect(Array.isArray(res.body.documents)).toBe(true);
    expect(res.body.figures.schools).toBeGreaterThanOrEqual(6);
    expect(res.body.figures.activitiesPlanned).toBeGreaterThanOrEqual(5);
  });

  it('suppresses a count of people from 1 to 4 as null, but not the count of activities', async () => {
    const id = await school('three-pupils-school');
    const { activity } = await planWithActivity(id, {
      startsOn: '2026-11-20',
      title: 'Мастер-класс в мастерской',
    });
    const held = await t.http
      .post(`/api/v1/activities/${activity.id}/outcome`)
      .set(auth(coordinator))
      .send({ status: 'held', heldOn: '2026-11-20', actualParticipants: 3, result: 'Проведён мастер-класс' });
    expect(held.status).toBe(200);
    const res = await t.http.get('/api/v1/public/organisations/three-pupils-school');
    expect(res.body.figures).toMatchObject({
      participants: null,
      activitiesHeld: 1,
      partners: 0,
      agreementsActive: 0,
    });
    expect(res.text).not.toMatch(/"participants":3/);
    expect(res.body.recent).toEqual([
      expect.objectContaining({ title: 'Мастер-класс в мастерской', result: 'Проведён мастер-класс' }),
    ]);
  });

  it('sends cache headers, a strong ETag and 304 when it still matches', async () => {
    const first = await t.http.get('/api/v1/public/organisations/urussu-gymnasium');
    expect(first.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=3600');
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const again = await t.http.get('/api/v1/public/organisations/urussu-gymnasium').set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    const other = await t.http
      .get('/api/v1/public/organisations/urussu-gymnasium')
      .set('If-None-Match', '"something-else"');
    expect(other.status).toBe(200);
  });

  it('changes its answer and ETag after a public activity is edited', async () => {
    const id = await school('edited-school');
    const { activity } = await planWithActivity(id, { title: 'Встреча с агрономом' });
    const before = await t.http.get('/api/v1/public/organisations/edited-school');
    expect(before.body.upcoming.map((u: { title: string }) => u.title)).toEqual(['Встреча с агрономом']);
    const patched = await t.http
      .patch(`/api/v1/activities/${activity.id}`)
      .set(auth(coordinator))
      .send({ version: activity.version, title: 'Встреча с агрономом хозяйства' });
    expect(patched.status).toBe(200);
    const after = await t.http
      .get('/api/v1/public/organisations/edited-school')
      .set('If-None-Match', before.headers['etag'] as string);
    expect(after.status).toBe(200);
    expect(after.headers['etag']).not.toBe(before.headers['etag']);
    expect(after.body.upcoming[0].title).toBe('Встреча с агрономом хозяйства');
  });

  it('hides a private activity and an unpublished organisation', async () => {
    const id = await school('private-school');
    await planWithActivity(id, { title: 'Закрытая диагностика', isPublic: false });
    const res = await t.http.get('/api/v1/public/organisations/private-school');
    expect(res.body.upcoming).toEqual([]);
    const org = await t.http.get(`/api/v1/organisations/${id}`).set(auth(coordinator));
    await t.http
      .patch(`/api/v1/organisations/${id}`)
      .set(auth(coordinator))
      .send({ version: org.body.version, isPublished: false });
    expect((await t.http.get('/api/v1/public/organisations/private-school')).status).toBe(404);
    expect((await t.http.get('/api/v1/public/organisations/private-school/events.ics')).status).toBe(404);
    expect((await t.http.get('/embed/private-school')).status).toBe(404);
  });

  it('answers an unknown slug with 404 in the error shape', async () => {
    const res = await t.http.get('/api/v1/public/organisations/no-such-school');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, rule: 'organisation.not-found' });
  });

  it('answers a CORS preflight for the public API', async () => {
    const res = await t.http
      .options('/api/v1/public/organisations/urussu-gymnasium')
      .set('Origin', 'https://school.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('serves an iCalendar feed holding exactly the public activities', async () => {
    const res = await t.http.get('/api/v1/public/organisations/urussu-gymnasium/events.ics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['etag']).toBeDefined();
    const text = res.text;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('X-WR-TIMEZONE:Europe/Moscow');
    const { raw, events } = parseIcs(text);
    for (const line of raw) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);

    const em = t.orm.em.fork();
    const gym = (await em.findOneOrFail(OrganisationRecord, { slug: 'urussu-gymnasium' })).id;
    const all = await em.find(ActivityRecord, { organisationId: gym });
    const publicIds = all
      .filter((a) => a.isPublic)
      .map((a) => `${a.id}@socium`)
      .sort();
    expect(publicIds.length).toBeGreaterThan(0);
    expect(publicIds.length).toBeLessThan(all.length);
    expect(events.map((e) => e['UID']).sort()).toEqual(publicIds);
    const first = events.find(
      (e) => e['SUMMARY'] === 'Экскурсия на завод «Тапарт»' && e['DTSTART;VALUE=DATE'] === '20261017',
    );
    expect(first).toMatchObject({ 'DTEND;VALUE=DATE': '20261018' });
    expect(first?.['DTSTAMP']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(first?.['LOCATION']).toBe('Завод «Тапарт»\\, пгт Уруссу');
  });

  it('serves a feed that an iCalendar parser from npm reads, with the same events', async () => {
    const ICAL = require('ical.js') as {
      parse(text: string): unknown;
      Component: new (jcal: unknown) => {
        getAllSubcomponents(name: string): { getFirstPropertyValue(name: string): unknown }[];
        getFirstPropertyValue(name: string): unknown;
      };
    };
    const res = await t.http.get('/api/v1/public/organisations/urussu-gymnasium/events.ics');
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    const events = calendar.getAllSubcomponents('vevent');
    const { events: ours } = parseIcs(res.text);
    expect(events.length).toBe(ours.length);
    expect(events.map((e) => String(e.getFirstPropertyValue('uid'))).sort()).toEqual(ours.map((e) => e['UID']).sort());
    const excursion = events.find((e) => e.getFirstPropertyValue('summary') === 'Экскурсия на завод «Тапарт»');
    expect(String(excursion?.getFirstPropertyValue('location'))).toBe('Завод «Тапарт», пгт Уруссу');
    expect(String(calendar.getFirstPropertyValue('x-wr-timezone'))).toBe('Europe/Moscow');
  });

  it('serves a self-contained HTML export without scripts', async () => {
    const res = await t.http.get('/api/v1/public/organisations/urussu-gymnasium/export.html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('Уруссинская гимназия');
    expect(res.text).toContain('Ближайшие события');
    expect(res.text).not.toMatch(/<script|<link|src=/i);
    const tt = await t.http.get('/api/v1/public/organisations/urussu-gymnasium/export.html?lang=tt');
    expect(tt.text).toContain('Якынлашып килүче чаралар');
  });

  it('serves the iframe page and the demo page as HTML', async () => {
    const embed = await t.http.get('/embed/urussu-gymnasium');
    expect(embed.status).toBe(200);
    expect(embed.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(embed.headers['x-frame-options']).toBeUndefined();
    expect(embed.text).toContain('Уруссинская гимназия');
    expect(embed.text).not.toMatch(/<script/i);
    const demo = await t.http.get('/demo');
    expect(demo.status).toBe(200);
    expect(demo.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(demo.text).toContain(
      '<script src="/widget.js" async></script><socium-widget org="urussu-gymnasium" lang="ru"></socium-widget>',
    );
    expect((await t.http.get('/demo?lang=en')).text).toContain('lang="en"');
  });

  it('serves the widget loader, and 404 for a file that is not in the build', async () => {
    const loader = await t.http.get('/widget.js');
    expect(loader.status).toBe(200);
    expect(loader.headers['content-type']).toMatch(/javascript/);
    expect(loader.headers['cache-control']).toBe('public, max-age=300');
    expect((await t.http.get('/widget/socium-widget.nope.js')).status).toBe(404);
    const built = bundleName(); // present after `nx build widget`; the loader stays harmless without it
    if (built) {
      expect(loader.text).toContain(`widget/${built}`);
      const bundle = await t.http.get(`/widget/${built}`);
      expect(bundle.status).toBe(200);
      expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(bundle.headers['access-control-allow-origin']).toBe('*');
    } else expect(loader.text).not.toContain('<script');
    expect((await t.http.get('/widget/..%2Fmanifest.json')).status).toBe(404);
  });
});
