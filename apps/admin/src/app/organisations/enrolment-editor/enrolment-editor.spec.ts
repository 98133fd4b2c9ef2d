import type { EnrolmentResponse } from '@socium/contracts';

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { providePageTesting } from '../../testing/page-testing';
import { EnrolmentEditor } from './enrolment-editor';

const year = (over: Partial<EnrolmentResponse> = {}): EnrolmentResponse => ({
  id: 'en-1',
  organisationId: 'school-1',
  academicYear: '2026-2027',
  pupilsByGrade: { '9': 50, '10': 40 },
  aged14: 30,
  aged15: 45,
  aged16to17: 60,
  profminimumLevel: null,
  total: 90,
  version: 3,
  createdAt: '',
  updatedAt: '',
  ...over,
});

// the first render compiles the Material components (slow on a loaded machine)
jest.setTimeout(20_000);

describe(EnrolmentEditor.name, () => {
  let http: HttpTestingController;

  const render = async (rows: EnrolmentResponse[], canWrite = true) => {
    TestBed.configureTestingModule({
      imports: [EnrolmentEditor],
      providers: [
        ...providePageTesting('school_admin', { organisationId: 'school-1', now: new Date(2026, 10, 28, 12) }),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(EnrolmentEditor);
    fixture.componentRef.setInput('organisationId', 'school-1');
    fixture.componentRef.setInput('rows', rows);
    fixture.componentRef.setInput('canWrite', canWrite);
    const changed: unknown[] = [];
    fixture.componentInstance.changed.subscribe(() => changed.push(1));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const stable = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
    };
    const type = async (testId: string, value: string) => {
      const input = el.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await stable();
    };
    const click = async (testId: string) => {
      (el.querySelector(`[data-testid="${testId}"]`) as HTMLButtonElement).click();
      await stable();
    };
    /** opens the level select and picks an option (the options live in the overlay, outside the component) */
    const pick = async (level: string) => {
      (el.querySelector('[data-testid="enrolment-level"] .mat-mdc-select-trigger') as HTMLElement).click();
      await stable();
      (document.querySelector(`[data-testid="enrolment-level-option-${level}"]`) as HTMLElement).click();
      await stable();
    };
    return { el, stable, type, click, pick, changed };
  };

  it('adds the current academic year with pupils per grade and by age', async () => {
    const { el, type, click, stable, changed } = await render([]);
    await click('enrolment-add');
    expect((el.querySelector('[data-testid="enrolment-year"]') as HTMLInputElement).value).toBe('2026-2027');
    await type('enrolment-grade-9', '52');
    await type('enrolment-grade-11', '18');
    await type('enrolment-aged15', '40');
    expect(el.querySelector('[data-testid="enrolment-total"]')?.textContent).toContain('70');
    await click('enrolment-save');
    const req = http.expectOne('/api/v1/enrolment');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toMatchObject({
      organisationId: 'school-1',
      academicYear: '2026-2027',
      aged14: 0,
      aged15: 40,
      aged16to17: 0,
    });
    expect(req.request.body.pupilsByGrade).toMatchObject({ '1': 0, '9': 52, '11': 18 });
    req.flush(year({ academicYear: '2026-2027' }));
    await stable();
    expect(changed).toEqual([1]);
    expect(el.querySelector('[data-testid="enrolment-form"]')).toBeNull();
  });

  it('offers the next free year when the current one is recorded', async () => {
    const { el, click } = await render([year()]);
    await click('enrolment-add');
    expect((el.querySelector('[data-testid="enrolment-year"]') as HTMLInputElement).value).toBe('2027-2028');
  });

  it('changes a recorded year with the version it read, and says so when someone changed it meanwhile', async () => {
    const { el, type, click, stable, changed } = await render([year()]);
    await click('enrolment-edit-2026-2027');
    expect((el.querySelector('[data-testid="enrolment-grade-9"]') as HTMLInputElement).value).toBe('50');
    expect(el.querySelector('[data-testid="enrolment-year"]')).toBeNull(); // the year names the record
    await type('enrolment-aged14', '31');
    await click('enrolment-save');
    const req = http.expectOne('/api/v1/enrolment/en-1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toMatchObject({ version: 3, aged14: 31, aged15: 45 });
    req.flush({ statusCode: 409, error: 'Conflict', message: 'stale' }, { status: 409, statusText: 'Conflict' });
    await stable();
    expect(el.querySelector('[data-testid="enrolment-form-error"]')?.textContent).toContain(
      'Запись уже изменил кто-то другой',
    );
    expect(changed).toEqual([]);
  });

  it('deletes a year after the confirmation', async () => {
    const { click, stable, changed } = await render([year()]);
    await click('enrolment-delete-2026-2027');
    (document.querySelector('[data-testid="dialog-confirm"]') as HTMLButtonElement).click();
    await stable();
    const req = http.expectOne('/api/v1/enrolment/en-1');
    expect(req.request.method).toBe('DELETE');
    req.flush(null);
    expect(changed).toEqual([1]);
  });

  it('shows no buttons to a reader', async () => {
    const { el } = await render([year()], false);
    expect(el.querySelector('[data-testid="enrolment-add"]')).toBeNull();
    expect(el.querySelector('[data-testid="enrolment-edit-2026-2027"]')).toBeNull();
  });

  it('shows each year’s профминимум level and changes it with the year’s select', async () => {
    const { el, click, pick, stable } = await render([year({ profminimumLevel: 'main' })]);
    expect(el.querySelector('[data-testid="enrolment-level-2026-2027"]')?.textContent).toContain('Основной');
    await click('enrolment-edit-2026-2027');
    await stable(); // the select shows its option's text once the options exist
    expect(el.querySelector('[data-testid="enrolment-level"]')?.textContent).toContain('Основной');
    await pick('advanced');
    expect(el.querySelector('[data-testid="enrolment-level"]')?.textContent).toContain('Продвинутый');
    await click('enrolment-save');
    const req = http.expectOne('/api/v1/enrolment/en-1');
    expect(req.request.body).toMatchObject({ version: 3, profminimumLevel: 'advanced', aged14: 30 });
    req.flush(year({ profminimumLevel: 'advanced', version: 4 }));
    await stable();
  });

  it('offers no level for a year before 2023-2024, and leaves a new year’s level to the school when none is chosen', async () => {
    const { el, type, click, stable } = await render([]);
    await click('enrolment-add');
    await stable();
    expect(el.querySelector('[data-testid="enrolment-level"]')?.textContent).toContain('действует уровень школы');
    await type('enrolment-year', '2022-2023');
    expect(el.querySelector('[data-testid="enrolment-level"]')).toBeNull();
    await click('enrolment-save');
    const req = http.expectOne('/api/v1/enrolment');
    expect(req.request.body.academicYear).toBe('2022-2023');
    expect('profminimumLevel' in req.request.body).toBe(false);
    req.flush(year({ academicYear: '2022-2023' }));
  });

  it('says under a count field what is wrong with it (a fraction, above 100 000) and sends nothing', async () => {
    const { el, type, click } = await render([]);
    await click('enrolment-add');
    await type('enrolment-grade-9', '100001');
    await type('enrolment-aged14', '2,5');
    await click('enrolment-save');
    http.expectNone('/api/v1/enrolment');
    const errors = [...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());
    expect(errors).toEqual([
      expect.stringMatching(/^Число не может быть больше 100\s?000\.$/),
      'Введите целое число, например: 12.',
    ]);
  });
});
