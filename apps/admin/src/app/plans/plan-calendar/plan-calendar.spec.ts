import type { ActivityResponse } from '@socium/contracts';
import { LocalDate } from '@socium/domain';

import { TestBed } from '@angular/core/testing';

import { providePageTesting } from '../../testing/page-testing';
import { monthGrid, PlanCalendar } from './plan-calendar';

const activity = (id: string, startsOn: string, endsOn = startsOn, status = 'planned'): ActivityResponse =>
  ({ id, title: `Мероприятие ${id}`, startsOn, endsOn, status }) as unknown as ActivityResponse;

describe('monthGrid', () => {
  it('lays a month out in whole weeks from Monday, with the activities of each day', () => {
    const weeks = monthGrid(
      LocalDate.of(2027, 10, 1),
      [activity('a', '2027-10-14'), activity('b', '2027-10-30', '2027-11-02')],
      LocalDate.of(2026, 11, 28),
    );
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    // 1 October 2027 is a Friday: the first week starts on Monday 27 September
    expect(weeks[0][0].iso).toBe('2027-09-27');
    expect(weeks[0][0].inMonth).toBe(false);
    // 31 October 2027 is a Sunday: five weeks, none of November
    expect(weeks.length).toBe(5);
    expect(weeks.at(-1)?.at(-1)?.iso).toBe('2027-10-31');
    expect(
      monthGrid(LocalDate.of(2027, 9, 1), [], LocalDate.of(2026, 11, 28))
        .at(-1)
        ?.at(-1)?.iso,
    ).toBe('2027-10-03');
    const day = (iso: string) => weeks.flat().find((d) => d.iso === iso);
    expect(day('2027-10-14')?.activities.map((a) => a.id)).toEqual(['a']);
    expect(day('2027-10-31')?.activities.map((a) => a.id)).toEqual(['b']);
    expect(day('2027-10-13')?.activities).toEqual([]);
  });
});

describe(PlanCalendar.name, () => {
  const render = async (academicYear: string, lang?: string) => {
    TestBed.configureTestingModule({ providers: providePageTesting('school_admin') });
    const fixture = TestBed.createComponent(PlanCalendar);
    fixture.componentRef.setInput('activities', [activity('a', '2027-10-14', '2027-10-14', 'held')]);
    fixture.componentRef.setInput('academicYear', academicYear);
    fixture.componentRef.setInput('today', '2026-11-28');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const month = () => el.querySelector('[data-testid="calendar-month"]')?.textContent?.trim();
    const click = async (id: string) => {
      (el.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement).click();
      await fixture.whenStable();
    };
    void lang;
    return { el, month, click };
  };

  it('opens on the month of today when today is in the plan year', async () => {
    const { month } = await render('2026-2027');
    expect(month()).toBe('Ноябрь 2026');
  });

  it('opens a next year plan on September, moves by month inside the year only, and shows the status in words', async () => {
    const { el, month, click } = await render('2027-2028');
    expect(month()).toBe('Сентябрь 2027');
    expect((el.querySelector('[data-testid="calendar-previous"]') as HTMLButtonElement).disabled).toBe(true);
    await click('calendar-next');
    expect(month()).toBe('Октябрь 2027');
    const cell = el.querySelector('.grid .act');
    expect(cell?.textContent).toContain('Мероприятие a');
    expect(cell?.textContent).toContain('Проведено');
  });
});
