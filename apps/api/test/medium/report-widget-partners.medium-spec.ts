import { MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';

import { ActivityStatus, LocalDate } from '@socium/domain';

import { PublicationService } from '../../src/app/publication/publication.service';
import { ReportQueries } from '../../src/app/reports/report.queries';
import { openOrm } from './open-orm';

/**
 * "Partners" is one definition (the domain's `periodPartners`): the public widget's figure and the
 * department report count the same organisations, and neither counts a partner whose only activity with
 * the school was cancelled. Six partners are needed to see it: the widget hides counts below five.
 */
const stamp = { version: 1, created_at: 't', updated_at: 't' };
const json = (v: unknown) => JSON.stringify(v);
const activities: [string, ActivityStatus][] = [
  ['p1', 'held'],
  ['p2', 'planned'],
  ['p3', 'postponed'],
  ['p4', 'held'],
  ['p5', 'cancelled'], // p5 also has an agreement in force
  ['p6', 'cancelled'], // p6's only link with the school
];

describe('the public widget and the report count the same partners', () => {
  let orm: MikroORM;
  let knex: Knex;
  beforeAll(async () => {
    orm = await openOrm();
    knex = (orm.em as unknown as { getKnex(): Knex }).getKnex();
    await knex('direction').insert({ id: 'dir', code: 'career_guidance', name: 'Профориентация', ...stamp });
    const org = (id: string, kind: string) => ({ id, kind, name: id, short_name: id, slug: id, partner_type: kind === 'partner' ? 'employer' : null, address: null, site: null, contacts: json([]), is_published: true, term_scheme: 'quarters', profminimum_level: null, enrolment: null, ...stamp });
    await knex('organisation').insert([org('school', 'school'), ...activities.map(([p]) => org(p, 'partner'))]);
    await knex('agreement').insert({ id: 'g1', number: 'С-1', kind: 'cooperation', school_id: 'school', partner_id: 'p5', subject: 'С', goal: 'Ц', direction_ids: json(['dir']), obligations: json([]), responsible_roles: json({}), network_terms: null, starts_on: '2024-01-01', ends_on: null, auto_renew: false, notice_days: 30, signed_by_school_on: '2023-12-20', signed_by_partner_on: '2023-12-20', terminated_on: null, termination_reason: null, notice_given_on: null, scan_file_id: null, ...stamp });
    await knex('plan').insert({ id: 'plan', organisation_id: 'school', academic_year: '2024-2025', agreement_id: null, title: 'План', status: 'approved', return_comment: null, submitted_on: null, approved_on: null, ...stamp });
    let n = 0;
    for (const [partner, status] of activities)
      await knex('activity').insert({ id: `a${++n}`, plan_id: 'plan', organisation_id: 'school', academic_year: '2024-2025', title: 'М', direction_id: 'dir', form: 'excursion', partner_id: partner, starts_on: '2025-02-10', ends_on: '2025-02-10', venue: '', target_grades: json([9]), planned_participants: 10, hours: 1, is_public: true, professions: json([]), description: '', status, held_on: status === 'held' ? '2025-02-10' : null, actual_participants: status === 'held' ? 5 : null, result: null, evidence_links: json([]), cancel_reason: status === 'cancelled' ? 'Причина' : null, ...stamp });
  });
  afterAll(() => orm.close(true));

  it('leaves out a partner whose only activity was cancelled, in the widget and in the report', async () => {
    const clock = { today: () => LocalDate.iso('2025-03-01') };
    const widget = await new PublicationService(orm.em.fork(), clock as never).organisation('school');
    const report = new ReportQueries(knex, { start: '2024-09-01', end: '2025-08-31', scope: 'school', today: '2025-03-01', academicYear: '2024-2025' });
    expect(widget.figures.partners).toBe(5);
    expect(await report.partnersByOrg()).toEqual(new Map([['school', 5]]));
  });
});
