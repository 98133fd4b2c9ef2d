import { ActivityStatus, LocalDate } from '@socium/domain';

import { MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';

import { PublicationService } from '../../src/app/publication/publication.service';
import { ReportQueries } from '../../src/app/reports/report.queries';
import { activityRow, agreementRow, openReportDb, orgRow, planRow } from './report-fixtures';

/**
 * "Partners" is one definition (the domain's `periodPartners`): the public widget's figure and the
 * department report count the same organisations, and neither counts a partner whose only activity with
 * the school was cancelled. Six partners are needed to see it: the widget hides counts below five.
 */
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
    ({ orm, knex } = await openReportDb());
    await knex('organisation').insert([
      orgRow('school', 'school'),
      ...activities.map(([p]) => orgRow(p, 'partner', 'employer')),
    ]);
    await knex('agreement').insert(agreementRow('g1', 'school', 'p5'));
    await knex('plan').insert(planRow('school', '2024-2025'));
    let n = 0;
    for (const [partner, status] of activities)
      await knex('activity').insert(
        activityRow(`a${++n}`, 'school', status, '2025-02-10', { partner_id: partner, is_public: true }),
      );
  });
  afterAll(() => orm.close(true));

  it('leaves out a partner whose only activity was cancelled, in the widget and in the report', async () => {
    const clock = { today: () => LocalDate.iso('2025-03-01') };
    const widget = await new PublicationService(orm.em.fork(), clock as never).organisation('school');
    const report = new ReportQueries(knex, {
      start: '2024-09-01',
      end: '2025-08-31',
      scope: 'school',
      today: '2025-03-01',
      academicYear: '2024-2025',
    });
    expect(widget.figures.partners).toBe(5);
    expect(await report.partnersByOrg()).toEqual(new Map([['school', 5]]));
  });
});
