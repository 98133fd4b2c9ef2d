import type { ActivityResponse, Role } from '@socium/contracts';

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { providePageTesting } from '../testing/page-testing';
import { ActivitiesList } from './activities-list';

const activity = (id: string, organisationId: string): ActivityResponse =>
  ({
    id,
    planId: `plan-${organisationId}`,
    organisationId,
    title: 'Экскурсия на завод «Тапарт»',
    startsOn: '2026-10-17',
    form: 'excursion',
    status: 'planned',
  }) as unknown as ActivityResponse;

describe(ActivitiesList.name, () => {
  const render = async (role: Role) => {
    TestBed.configureTestingModule({ providers: providePageTesting(role) });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ActivitiesList);
    await fixture.whenStable();
    http
      .match((r) => r.url === '/api/v1/organisations')
      .forEach((r) =>
        r.flush({
          items: [
            { id: 's1', name: 'Уруссинская гимназия', shortName: '' },
            { id: 's2', name: 'Ютазинская школа', shortName: '' },
          ],
          total: 2,
          limit: 100,
          offset: 0,
        }),
      );
    http
      .expectOne((r) => r.url === '/api/v1/activities')
      .flush({ items: [activity('a1', 's1'), activity('a2', 's2')], total: 2, limit: 100, offset: 0 });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return {
      rows: [...el.querySelectorAll('tr.mat-mdc-row')].map((tr) => tr.textContent ?? ''),
      links: el.querySelectorAll('tr.mat-mdc-row a').length,
    };
  };

  it('tells activities of the same title apart by their school', async () => {
    const { rows } = await render('coordinator');
    expect(rows[0]).toContain('Уруссинская гимназия');
    expect(rows[1]).toContain('Ютазинская школа');
  });

  it.each([
    ['coordinator', 2],
    ['school_admin', 2],
    ['partner_rep', 0],
  ] as const)(
    'links each activity to its plan for a %s only where the plan can be read (%i links)',
    async (role, links) => {
      expect((await render(role)).links).toBe(links);
    },
  );
});
