import type { PlacementResponse } from '@socium/contracts';

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { providePageTesting } from '../testing/page-testing';
import { PlacementsList } from './placements-list';

const placement = (id: string, over: Partial<PlacementResponse>): PlacementResponse =>
  ({
    id,
    studentCode: `DEMO-${id}`,
    jobTitle: 'Подсобный рабочий',
    channel: 'employment_centre',
    startsOn: '2026-06-15',
    endsOn: '2026-07-10',
    hoursPerDay: 6,
    status: 'cleared',
    findings: [],
    ...over,
  }) as unknown as PlacementResponse;

describe(PlacementsList.name, () => {
  it('shows each placement with its status in words and its findings, a review marked as such', async () => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator') });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PlacementsList);
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/v1/placements')
      .flush({
        items: [
          placement('p1', {
            status: 'blocked',
            findings: [
              {
                rule: 'placement.medical.required',
                message: 'Не указана дата предварительного медицинского осмотра',
                field: 'medicalClearanceOn',
                kind: 'paperwork',
              },
            ],
          }),
          placement('p2', {
            findings: [{ rule: 'placement.load.manual-review', message: 'Груз 11 кг', kind: 'review' }],
          }),
        ],
        total: 2,
        limit: 100,
        offset: 0,
      });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const rows = [...el.querySelectorAll('tr.mat-mdc-row')];
    const chips = rows.map((tr) => tr.querySelector('.chip'));
    expect(chips[0]?.textContent?.trim()).toBe('Заблокировано: нет документов');
    expect(chips[0]?.classList).toContain('tone-danger');
    expect(chips[1]?.textContent?.trim()).toBe('Допущено');
    expect(rows[0]?.textContent).toContain('Не указана дата предварительного медицинского осмотра');
    expect(rows[1]?.textContent).toContain('Ручная проверка: Груз 11 кг');
  });
});
