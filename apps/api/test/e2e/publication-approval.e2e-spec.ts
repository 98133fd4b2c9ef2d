import { bootApp, TestApp } from './harness';

/** Issue 14 item 5: public activities reach the public pages once their plan is approved; held outcomes stay public. */
describe('Public pages show a plan’s public activities only once the plan is approved', () => {
  let t: TestApp;
  let coordinator: string;
  let direction: string;
  const auth = () => ({ Authorization: `Bearer ${coordinator}` });

  async function school(slug: string): Promise<string> {
    const res = await t.http
      .post('/api/v1/organisations')
      .set(auth())
      .send({ kind: 'school', name: `Школа ${slug}`, shortName: `Школа ${slug}`, slug });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function plan(organisationId: string): Promise<string> {
    const res = await t.http.post('/api/v1/plans').set(auth()).send({ organisationId, academicYear: '2026-2027' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function activity(planId: string, title: string, startsOn: string): Promise<string> {
    const res = await t.http
      .post(`/api/v1/plans/${planId}/activities`)
      .set(auth())
      .send({
        title,
        directionId: direction,
        form: 'excursion',
        startsOn,
        targetGrades: [8, 9],
        venue: 'Элеватор, с. Ютаза',
        isPublic: true,
      });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function move(planId: string, to: 'submit' | 'approve' | 'return'): Promise<void> {
    const body = to === 'return' ? { comment: 'Уточните сроки' } : {};
    const res = await t.http.post(`/api/v1/plans/${planId}/${to}`).set(auth()).send(body);
    expect(res.status).toBe(200);
  }

  async function titles(slug: string): Promise<{ upcoming: string[]; recent: string[]; ics: string; embed: string }> {
    const json = await t.http.get(`/api/v1/public/organisations/${slug}`);
    expect(json.status).toBe(200);
    const ics = await t.http.get(`/api/v1/public/organisations/${slug}/events.ics`);
    const exp = await t.http.get(`/api/v1/public/organisations/${slug}/export.html`);
    const embed = await t.http.get(`/embed/${slug}`);
    return {
      upcoming: (json.body.upcoming as { title: string }[]).map((u) => u.title),
      recent: (json.body.recent as { title: string }[]).map((u) => u.title),
      ics: ics.text,
      embed: `${exp.text}\n${embed.text}`,
    };
  }

  beforeAll(async () => {
    t = await bootApp();
    coordinator = await t.as('coordinator');
    const dirs = await t.http.get('/api/v1/directions?limit=100').set(auth());
    direction = (dirs.body.items as { id: string; code: string }[]).find((d) => d.code === 'career_guidance')
      ?.id as string;
  });
  afterAll(() => t.close());

  it('keeps the public activities of a draft and of a submitted plan off every public page, and shows them after approval', async () => {
    const id = await school('approval-school');
    const planId = await plan(id);
    await activity(planId, 'Экскурсия на элеватор', '2026-12-10');

    const draft = await titles('approval-school');
    expect(draft.upcoming).toEqual([]);
    expect(draft.ics).not.toContain('Экскурсия на элеватор');
    expect(draft.embed).not.toContain('Экскурсия на элеватор');

    await move(planId, 'submit');
    const submitted = await titles('approval-school');
    expect(submitted.upcoming).toEqual([]);
    expect(submitted.ics).not.toContain('Экскурсия на элеватор');
    expect(submitted.embed).not.toContain('Экскурсия на элеватор');

    // the approval is a write: the public cache is dropped and the pages show the activity at once
    await move(planId, 'approve');
    const approved = await titles('approval-school');
    expect(approved.upcoming).toEqual(['Экскурсия на элеватор']);
    expect(approved.ics).toContain('SUMMARY:Экскурсия на элеватор');
    expect(approved.embed).toContain('Экскурсия на элеватор');
  });

  it('keeps a held activity of a returned plan public, but not its planned ones', async () => {
    const id = await school('returned-school');
    const planId = await plan(id);
    const held = await activity(planId, 'Мастер-класс в мастерской', '2026-11-20');
    await activity(planId, 'Встреча с агрономом', '2026-12-15');
    const outcome = await t.http
      .post(`/api/v1/activities/${held}/outcome`)
      .set(auth())
      .send({ status: 'held', heldOn: '2026-11-20', actualParticipants: 12, result: 'Проведён мастер-класс' });
    expect(outcome.status).toBe(200);
    await move(planId, 'submit');
    await move(planId, 'return');

    const page = await titles('returned-school');
    expect(page.recent).toEqual(['Мастер-класс в мастерской']);
    expect(page.upcoming).toEqual([]);
    expect(page.ics).toContain('SUMMARY:Мастер-класс в мастерской');
    expect(page.ics).not.toContain('Встреча с агрономом');
  });

  it('still announces the demo gymnasium’s upcoming activities (its current plan is approved)', async () => {
    const res = await t.http.get('/api/v1/public/organisations/urussu-gymnasium');
    expect(res.body.upcoming.length).toBeGreaterThan(0);
  });
});
