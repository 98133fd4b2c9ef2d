import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { I18nService } from '../../core/i18n.service';
import { providePageTesting } from '../../testing/page-testing';
import { messageAfterTyping } from '../../testing/typing';
import { PlacementForm } from './placement-form';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Typing a whole placement and waiting for the debounced calendar request takes a few seconds on a loaded runner.
jest.setTimeout(30000);

describe(PlacementForm.name, () => {
  let http: HttpTestingController;

  const render = async () => {
    TestBed.configureTestingModule({
      providers: providePageTesting('school_admin', { organisationId: 'school-1' }),
    });
    http = TestBed.inject(HttpTestingController);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(PlacementForm);
    await fixture.whenStable();
    http
      .match((r) => r.url === '/api/v1/organisations')
      .forEach((r) =>
        r.flush({
          items: [
            { id: 'school-1', kind: 'school', name: 'Гимназия', shortName: 'Гимназия' },
            { id: 'czn', kind: 'partner', name: 'Центр занятости', shortName: 'Центр занятости' },
          ],
          total: 2,
          limit: 100,
          offset: 0,
        }),
      );
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = (id: string) => el.querySelector(`[data-testid="${id}"]`);
    const type = async (id: string, value: string) => {
      const input = q(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const stable = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
    };
    const rules = (id: string) => [...(q(id)?.querySelectorAll('li') ?? [])].map((li) => li.getAttribute('data-rule'));
    return { el, q, type, navigate, stable, fixture, rules };
  };

  /** The calendar facts of 2025/26 for the school: term days in March, spring holidays 28.03–05.04. */
  const facts = {
    schoolId: 'school-1',
    from: '2025-09-01',
    to: '2026-08-31',
    nonWorkingHolidays: ['2026-06-12'],
    schoolHolidays: ['2026-03-28', '2026-03-29'],
    lessonHours: { startsAt: '08:00', endsAt: '14:30' },
  };

  /** A 14-year-old typed in for term time, 09:00–13:00, 4 h a day, 20 h a week. */
  const typeTermPlacement = async (t: Awaited<ReturnType<typeof render>>) => {
    t.fixture.componentInstance['form'].controls.employerId.setValue('czn');
    await t.type('plf-job', 'Помощник библиотекаря');
    await t.type('plf-student-code', 'S-2026-14');
    await t.type('plf-birth', '2011-09-01');
    await t.type('plf-starts', '2026-03-16');
    await t.type('plf-ends', '2026-03-20');
    await t.type('plf-shift-starts', '09:00');
    await t.type('plf-shift-ends', '13:00');
    await t.type('plf-hours-day', '4');
    await t.type('plf-hours-week', '20');
    await wait(300);
    const ctx = http.expectOne((r) => r.url === '/api/v1/placements/context');
    expect(ctx.request.params.get('schoolId')).toBe('school-1');
    expect([ctx.request.params.get('from'), ctx.request.params.get('to')]).toEqual(['2025-09-01', '2026-08-31']);
    ctx.flush(facts);
    await t.stable();
  };

  /** A stored placement of a 15-year-old in the summer, the medical clearance missing. */
  const stored = {
    id: 'p-7',
    schoolId: 'school-1',
    employerId: 'czn',
    channel: 'employment_centre',
    kind: 'employment_contract',
    jobTitle: 'Подсобный рабочий',
    studentCode: 'S-2026-7',
    studentBirthDate: '2010-03-10',
    studentSex: 'male',
    startsOn: '2026-06-15',
    endsOn: '2026-07-10',
    workDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    shiftStartsAt: '09:00',
    shiftEndsAt: '15:00',
    hoursPerDay: 6,
    hoursPerWeek: 30,
    harmful: false,
    maxLoadKg: null,
    loadMode: 'constant',
    parentConsent: false,
    guardianshipConsent: false,
    weekendWorkConsent: false,
    medicalClearanceOn: null,
    hasGeneralEducation: false,
    orphan: false,
    studentDetachment: false,
    probationClause: false,
    status: 'blocked',
    findings: [],
    version: 5,
    createdAt: '',
    updatedAt: '',
  };

  afterEach(() => http.verify());

  it('shows the Labour Code findings as the user types, before saving, and clears the hard ones once fixed', async () => {
    const t = await render();
    expect(t.q('plf-findings-idle')).not.toBeNull();
    await typeTermPlacement(t);
    expect(t.rules('plf-hard')).toEqual(['placement.hours.weekly', 'placement.hours.daily', 'placement.lesson-hours']);
    expect(t.rules('plf-paperwork')).toEqual(['placement.consent.parent-required', 'placement.medical.required']);
    expect(t.q('plf-error-hoursPerDay')?.textContent).toContain('Не более 2,5 ч в день');
    expect(t.q('plf-warning-parentConsent')).not.toBeNull();

    await t.type('plf-shift-starts', '15:00');
    await t.type('plf-shift-ends', '17:00');
    await t.type('plf-hours-day', '2');
    await t.type('plf-hours-week', '10');
    await t.stable();
    expect(t.q('plf-hard')).toBeNull();
    expect(t.rules('plf-paperwork')).toEqual(['placement.consent.parent-required', 'placement.medical.required']);
    expect(t.el.textContent).toContain('будет сохранено как заблокированное');

    (t.q('plf-save') as HTMLButtonElement).click();
    await t.stable();
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/placements');
    expect(post.request.body).toMatchObject({
      schoolId: 'school-1',
      employerId: 'czn',
      studentCode: 'S-2026-14',
      workDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      shiftStartsAt: '15:00',
      hoursPerDay: 2,
      hoursPerWeek: 10,
      parentConsent: false,
      medicalClearanceOn: null,
    });
    post.flush({ id: 'p-1', status: 'blocked' });
    await t.stable();
    expect(t.navigate).toHaveBeenCalledWith(['/placements', 'p-1']);
  });

  it('reads the hours and the load with a comma, refuses junk and values out of bounds under the field, and saves the decimals', async () => {
    const t = await render();
    await typeTermPlacement(t);
    const [day, week, load] = ['plf-hours-day', 'plf-hours-week', 'plf-load'].map((id) => t.q(id) as HTMLInputElement);
    expect(day.getAttribute('inputmode')).toBe('decimal');
    const typed = (field: HTMLInputElement, value: string) => messageAfterTyping(field, value, t.stable);
    expect(await typed(day, 'полтора')).toBe('Число не распознано. Введите его так: 1,5.');
    expect(await typed(day, '25')).toBe('Число не может быть больше 24.');
    expect(await typed(week, '-1')).toBe('Число не может быть меньше 0.');
    // the bound is written as the language groups digits («1 000», a no-break space)
    expect((await typed(load, '1000,5')).replace(/\s/g, ' ')).toBe('Число не может быть больше 1 000.');
    (t.q('plf-save') as HTMLButtonElement).click();
    await t.stable();
    http.expectNone((r) => r.method === 'POST');

    await t.type('plf-shift-starts', '15:00');
    await t.type('plf-shift-ends', '17:30');
    expect(await typed(day, '2,5')).toBeNull();
    expect(await typed(week, '12')).toBeNull();
    expect(await typed(load, '1.5')).toBeNull();
    expect(load.value).toBe('1,5');
    expect(t.q('plf-hard')).toBeNull();
    TestBed.inject(I18nService).use('en');
    await t.stable();
    expect(day.value).toBe('2.5');
    (t.q('plf-save') as HTMLButtonElement).click();
    await t.stable();
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/placements');
    expect(post.request.body).toMatchObject({ hoursPerDay: 2.5, hoursPerWeek: 12, maxLoadKg: 1.5 });
    post.flush({ id: 'p-1', status: 'blocked' });
    await t.stable();
    TestBed.inject(I18nService).use('ru');
  });

  it('words the findings in Tatar and shows a refusal the live check already shows only once', async () => {
    const t = await render();
    TestBed.inject(I18nService).use('tt');
    await typeTermPlacement(t);
    expect(t.q('plf-error-hoursPerDay')?.textContent).toContain('көненә 2,5 сәгатьтән артык түгел');
    (t.q('plf-save') as HTMLButtonElement).click();
    await t.stable();
    http
      .expectOne((r) => r.method === 'POST')
      .flush(
        {
          statusCode: 422,
          rule: 'placement.hours.daily',
          message: 'refused',
          details: [{ field: 'hoursPerDay', rule: 'placement.hours.daily', message: 'server words' }],
        },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await t.stable();
    expect(t.el.textContent).not.toContain('server words');
    expect(t.q('plf-error')?.textContent).toContain('Сервер кире какты');
    expect(t.navigate).not.toHaveBeenCalled();
  });

  it('edits a stored placement: the form is filled from it and the change is sent with its version', async () => {
    const t = await render();
    t.fixture.componentRef.setInput('id', 'p-7');
    await t.stable();
    http.expectOne('/api/v1/placements/p-7').flush(stored);
    await t.stable();
    expect((t.q('plf-job') as HTMLInputElement).value).toBe('Подсобный рабочий');
    await wait(300);
    http
      .expectOne((r) => r.url === '/api/v1/placements/context')
      .flush({ ...facts, from: '2025-09-01', to: '2026-08-31' });
    await t.stable();
    expect(t.rules('plf-paperwork')).toEqual(['placement.medical.required']);
    await t.type('plf-medical', '2026-06-01');
    (t.q('plf-save') as HTMLButtonElement).click();
    await t.stable();
    const patch = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/placements/p-7');
    expect(patch.request.body).toMatchObject({ version: 5, medicalClearanceOn: '2026-06-01', studentCode: 'S-2026-7' });
    patch.flush({ id: 'p-7', status: 'cleared' });
    await t.stable();
    expect(t.navigate).toHaveBeenCalledWith(['/placements', 'p-7']);
  });

  it('takes dates as the panel writes them and times on the 24-hour clock, whatever the browser’s locale', async () => {
    const t = await render();
    const form = t.fixture.componentInstance['form'];
    await t.type('plf-birth', '01.09.2011');
    expect(form.controls.studentBirthDate.value).toBe('2011-09-01');
    const shift = t.q('plf-shift-starts') as HTMLInputElement;
    expect(shift.type).toBe('text');
    expect(shift.value).toBe('09:00');
    await t.type('plf-shift-starts', '9:30 PM');
    shift.dispatchEvent(new Event('blur'));
    await t.stable();
    expect(form.controls.shiftStartsAt.hasError('time')).toBe(true);
    expect(t.el.textContent).toContain('Время не распознано. Введите его так: 09:30.');
    await t.type('plf-shift-starts', '21:30');
    expect(form.controls.shiftStartsAt.valid).toBe(true);
    http.match(() => true);
  });

  it('shows what someone else changed in the placement and overwrites with the current version', async () => {
    const t = await render();
    t.fixture.componentRef.setInput('id', 'p-7');
    await t.stable();
    http.expectOne('/api/v1/placements/p-7').flush(stored);
    await t.stable();
    await wait(300);
    http.expectOne((r) => r.url === '/api/v1/placements/context').flush(facts);
    await t.stable();
    await t.type('plf-job', 'Помощник садовника');
    (t.q('plf-save') as HTMLButtonElement).click();
    await t.stable();
    http
      .expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/placements/p-7')
      .flush({ message: 'stale', rule: 'version.stale' }, { status: 409, statusText: 'Conflict' });
    http.expectOne('/api/v1/placements/p-7').flush({ ...stored, parentConsent: true, version: 6 });
    await t.stable();
    const rows = [...t.el.querySelectorAll('[data-testid="conflict-changes"] tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent?.trim()),
    );
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['Помощник садовника', 'Подсобный рабочий'],
      ['Нет', 'Да'],
    ]);
    expect((t.q('plf-job') as HTMLInputElement).value).toBe('Помощник садовника');
    (t.q('conflict-overwrite') as HTMLButtonElement).click();
    await t.stable();
    const again = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/placements/p-7');
    expect(again.request.body).toMatchObject({ version: 6, jobTitle: 'Помощник садовника', parentConsent: false });
  });
});
