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

  it('counts the placements in the list toolbar and the reset clears the status filter', async () => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator') });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PlacementsList);
    await fixture.whenStable();
    const page = (n: number) => ({
      items: Array.from({ length: n }, (_, i) => placement(`p${i}`, {})),
      total: n,
      limit: 20,
      offset: 0,
    });
    http.expectOne((r) => r.url === '/api/v1/placements').flush(page(3));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = (id: string) => el.querySelector(`[data-testid="${id}"]`);
    expect(q('placements-count')?.textContent?.trim()).toBe('Найдено 3 записи');
    expect(q('placements-reset')).toBeNull();

    (el.querySelector('[data-testid="placements-status"] mat-chip-option button') as HTMLButtonElement).click();
    await fixture.whenStable();
    const blocked = http.expectOne((r) => r.url === '/api/v1/placements');
    expect(blocked.request.params.get('status')).toBe('blocked');
    blocked.flush(page(1));
    await fixture.whenStable();
    (q('placements-reset') as HTMLButtonElement).click();
    await fixture.whenStable();
    const all = http.expectOne((r) => r.url === '/api/v1/placements');
    expect(all.request.params.get('status')).toBeNull();
    all.flush(page(3));
    await fixture.whenStable();
    expect(q('placements-reset')).toBeNull();
    http.match((r) => r.url === '/api/v1/organisations').forEach((r) => r.flush({ items: [], total: 0 }));
    http.verify();
  });
});
