import type { DateSpan, SchoolYearCalendarResponse } from '@socium/contracts';
import {
  AcademicYear,
  SchoolYearCalendar as CalendarRules,
  LocalDate,
  TERM_SCHEME_KINDS,
  type TermSchemeKind,
} from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { DateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';

import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { I18nService } from '../../core/i18n.service';
import type { MessageKey } from '../../core/messages/ru';
import { Notify } from '../../core/notify';
import { PeriodService } from '../../core/period.service';
import { CalendarsData } from '../../data-access/calendars.data';
import { changedFields, showPlain, type ShowValue } from '../../ui/conflict/changed-fields';
import { isStale, VersionConflict } from '../../ui/conflict/conflict';
import { ConflictPanel } from '../../ui/conflict/conflict-panel';
import { provideIsoDates } from '../../ui/date-input/provide-iso-dates';
import { unreadableDate } from '../../ui/refusal/form-refusal';

/** The findings the domain's own check gives for the calendar being edited (the API checks the same on save). */
export function calendarFindings(
  academicYear: string,
  kind: TermSchemeKind,
  terms: readonly DateSpan[],
  grade1: DateSpan | null,
  lang: 'ru' | 'tt' | 'en',
): string[] {
  const year = AcademicYear.parse(academicYear);
  const span = (s: DateSpan) => {
    const first = LocalDate.parse(s.first);
    const last = LocalDate.parse(s.last);
    return first.ok && last.ok ? { first: first.value, last: last.value } : null;
  };
  const parsed = terms.map(span);
  const g1 = grade1 ? span(grade1) : null;
  if (!year.ok || parsed.some((t) => t === null) || (grade1 && !g1)) return [];
  const r = CalendarRules.create({
    kind,
    academicYear: year.value,
    terms: parsed as { first: LocalDate; last: LocalDate }[],
    grade1Holiday: g1,
  });
  if (r.ok) return [];
  const all = r.error.details?.length ? r.error.details.map((d) => d.message) : [r.error.message];
  return all.map((m) => m[lang] ?? m.ru);
}

/**
 * «Календарь учебного года»: the coordinator edits the district's calendar of the chosen year, a school administrator
 * the override of their school (or returns to the district's). Terms are edited; holidays and summer follow from them.
 */
@Component({
  selector: 'admin-school-year-calendar',
  providers: [provideIsoDates()],
  imports: [
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    ConflictPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './school-year-calendar.html',
  styleUrl: './school-year-calendar.scss',
})
export class SchoolYearCalendar {
  private readonly data = inject(CalendarsData);
  private readonly dates = inject<DateAdapter<string>>(DateAdapter);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(Notify);
  protected readonly i18n = inject(I18nService);
  protected readonly year = inject(PeriodService).year;
  protected readonly kinds = TERM_SCHEME_KINDS;

  protected readonly isCoordinator = computed(() => this.auth.user()?.role === 'coordinator');
  /** The coordinator edits the district's calendar; a school administrator their own school's. */
  private readonly organisationId = computed(() =>
    this.isCoordinator() ? null : (this.auth.user()?.organisationId ?? null),
  );

  protected readonly calendar = signal<SchoolYearCalendarResponse | null>(null);
  protected readonly kind = signal<TermSchemeKind>('quarters');
  protected readonly terms = signal<DateSpan[]>([]);
  protected readonly grade1 = signal<DateSpan | null>(null);
  /** The coordinator's: the day by which schools submit their plans for the year (1 October unless set). */
  protected readonly planDue = signal('');
  /** The date fields whose typed text is no date (keys like `term-0-first`, `grade1-last`, `plan-due`); saving waits for them. */
  protected readonly unreadable = signal<ReadonlySet<string>>(new Set());
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  /** `409 version.stale` on save: what another user changed in the calendar; reload or overwrite */
  protected readonly conflict = new VersionConflict<SchoolYearCalendarResponse>();

  protected readonly findings = computed(() =>
    calendarFindings(this.year(), this.kind(), this.terms(), this.grade1(), this.i18n.lang()),
  );

  constructor() {
    effect(() => {
      const year = this.year();
      untracked(() => this.load(year));
    });
  }

  protected schemeLabel(kind: TermSchemeKind): string {
    return this.i18n.t(`cal_scheme_${kind}` as MessageKey);
  }

  protected sourceLabel(source: SchoolYearCalendarResponse['source']): string {
    return this.i18n.t(`cal_source_${source}` as MessageKey);
  }

  protected holidayLabel(kind: 'autumn' | 'winter' | 'spring'): string {
    return this.i18n.t(`cal_holiday_${kind}` as MessageKey);
  }

  protected range(s: DateSpan): string {
    return this.i18n.t('cal_range', { from: this.i18n.date(s.first), to: this.i18n.date(s.last) });
  }

  /** The datepicker's parse result while typing: text that is no date is remembered until it is fixed or cleared. */
  protected typed(field: string, event: { value: unknown; targetElement: HTMLElement; raw?: boolean }): void {
    const text = (event.targetElement as HTMLInputElement).value?.trim() ?? '';
    // the field's own input event reads the text itself: the datepicker reports no change between empty and
    // unreadable text (both are "no date" to it), so clearing and re-typing junk would go unnoticed
    const bad = event.raw
      ? text !== '' && !this.dates.isValid(this.dates.parse(text, 'input') ?? '')
      : event.value === null && text !== '';
    this.unreadable.update((s) => {
      if (bad === s.has(field)) return s;
      const next = new Set(s);
      if (bad) next.add(field);
      else next.delete(field);
      return next;
    });
  }

  /** The message under a date field whose text is no date, or null. */
  protected dateMessage(field: string): string | null {
    return this.unreadable().has(field) ? unreadableDate(this.i18n) : null;
  }

  protected setTerm(i: number, end: 'first' | 'last', value: string): void {
    this.terms.update((ts) => ts.map((t, j) => (j === i ? { ...t, [end]: value } : t)));
  }

  protected addTerm(): void {
    this.terms.update((ts) => [...ts, { first: '', last: '' }]);
  }

  protected removeTerm(i: number): void {
    this.terms.update((ts) => ts.filter((_, j) => j !== i));
    // the rows below move up: their unreadable marks would point at the wrong row, so the row's fields start clean
    this.unreadable.update((s) => new Set([...s].filter((f) => !f.startsWith('term-'))));
  }

  protected setGrade1(end: 'first' | 'last', value: string): void {
    this.grade1.update((g) => ({ first: '', last: '', ...(g ?? {}), [end]: value }));
  }

  protected save(): void {
    if (this.unreadable().size > 0) return;
    const current = this.calendar();
    const g1 = this.grade1();
    const body = {
      termScheme: this.kind(),
      terms: this.terms(),
      grade1Holiday: g1 && g1.first && g1.last ? g1 : null,
      ...(this.isCoordinator() ? { planSubmissionDueOn: this.planDue() || null } : {}),
      ...(current?.version !== null && current?.version !== undefined && this.storedHere(current)
        ? { version: current.version }
        : {}),
    };
    this.conflict.clear();
    this.run(this.data.save(this.year(), body, this.organisationId()), true);
  }

  /** What the editor holds, in the shape compared with the stored calendar. */
  private edited() {
    const g1 = this.grade1();
    return {
      termScheme: this.kind(),
      terms: this.terms(),
      grade1Holiday: g1 && g1.first && g1.last ? g1 : null,
      planSubmissionDueOn: this.planDue() || null,
    };
  }

  /** The stored calendar read again after a stale save: where the user's values differ from it; the edits stay. */
  private showConflict(): void {
    this.data.schoolYear(this.year(), this.organisationId()).subscribe({
      next: (stored) => {
        this.busy.set(false);
        const labels = {
          termScheme: this.i18n.t('cal_scheme'),
          terms: this.i18n.t('cal_term'),
          grade1Holiday: this.i18n.t('cal_grade1'),
          ...(this.isCoordinator() ? { planSubmissionDueOn: this.i18n.t('cal_plan_due') } : {}),
        };
        const span = (d: DateSpan) => this.range(d);
        const show: ShowValue = (field, v) => {
          if (field === 'termScheme') return this.schemeLabel(v as TermSchemeKind);
          if (field === 'terms') return (v as DateSpan[]).map(span).join('; ');
          if (field === 'grade1Holiday') return v ? span(v as DateSpan) : showPlain(field, v);
          if (field === 'planSubmissionDueOn') return v ? this.i18n.date(v as string) : showPlain(field, v);
          return showPlain(field, v);
        };
        const theirs = {
          termScheme: stored.termScheme,
          terms: stored.terms.map((t) => ({ first: t.first, last: t.last })),
          grade1Holiday: stored.grade1Holiday,
          planSubmissionDueOn: stored.planSubmissionDueOn,
        };
        this.conflict.show(stored, changedFields(this.edited(), theirs, labels, show));
      },
      error: (e: unknown) => this.fail(e),
    });
  }

  /** Takes the stored calendar: the user's edits give way. */
  protected conflictReload(): void {
    const stored = this.conflict.take();
    if (!stored) return;
    this.calendar.set(stored);
    this.kind.set(stored.termScheme);
    this.terms.set(stored.terms.map((t) => ({ first: t.first, last: t.last })));
    this.grade1.set(stored.grade1Holiday);
    this.planDue.set(stored.planSubmissionDueOn);
  }

  /** Sends the user's calendar again with the stored version, knowingly over the other change. */
  protected conflictOverwrite(): void {
    const stored = this.conflict.take();
    if (!stored) return;
    this.calendar.set(stored);
    this.save();
  }

  protected removeOverride(): void {
    const org = this.organisationId();
    if (!org) return;
    this.busy.set(true);
    this.data.removeOverride(this.year(), org).subscribe({
      next: () => this.load(this.year()),
      error: (e: unknown) => this.fail(e),
    });
  }

  /** Whether the shown calendar is the stored row this user edits (the district's for the coordinator, else the school's). */
  protected storedHere(c: SchoolYearCalendarResponse): boolean {
    return this.isCoordinator() ? c.source === 'district' : c.source === 'school';
  }

  private load(year: string): void {
    this.run(this.data.schoolYear(year, this.organisationId()), false);
  }

  private run(call: ReturnType<CalendarsData['schoolYear']>, saving: boolean): void {
    this.busy.set(true);
    this.error.set(null);
    call.subscribe({
      next: (c) => {
        this.calendar.set(c);
        this.kind.set(c.termScheme);
        this.terms.set(c.terms.map((t) => ({ first: t.first, last: t.last })));
        this.grade1.set(c.grade1Holiday);
        this.planDue.set(c.planSubmissionDueOn);
        this.unreadable.set(new Set());
        this.busy.set(false);
        if (saving) this.notify.done(this.i18n.t('saved'));
      },
      error: (e: unknown) => (saving && isStale(e) ? this.showConflict() : this.fail(e)),
    });
  }

  private fail(e: unknown): void {
    const shown = describeError(e, this.i18n);
    this.error.set([shown.message, ...Object.values(shown.fields)].join(' '));
    this.busy.set(false);
  }
}
