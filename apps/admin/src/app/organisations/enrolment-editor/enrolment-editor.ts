import type { EnrolmentResponse } from '@socium/contracts';
import {
  AcademicYear,
  ENROLMENT_GRADES,
  ENROLMENT_MAX_COUNT,
  PROFMINIMUM_LEVELS,
  profminimumApplies,
  type ProfminimumLevel,
} from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { filter, type Observable } from 'rxjs';

import {
  ActionDialog,
  type ActionDialogData,
  type ActionDialogResult,
} from '../../agreements/agreement-page/action-dialog';
import { describeError } from '../../core/api-error';
import { AdminClock } from '../../core/clock';
import { I18nService } from '../../core/i18n.service';
import type { MessageKey } from '../../core/messages';
import { Notify } from '../../core/notify';
import { OrganisationsData } from '../../data-access/organisations.data';
import { NumberInput } from '../../ui/number-input';
import { fieldError } from '../../ui/refusal/form-refusal';

const AGE_FIELDS = ['aged14', 'aged15', 'aged16to17'] as const;
type AgeField = (typeof AGE_FIELDS)[number];

/** A count of pupils: a whole number 0–100000 (the API's bounds), 0 when left as is. */
const count = (value = 0) =>
  new FormControl<number | null>(value, [Validators.min(0), Validators.max(ENROLMENT_MAX_COUNT)]);

/** One block of count fields: the pupils per grade, or by age. */
interface CountSection {
  readonly legend: MessageKey;
  readonly group: 'grades' | 'ages';
  readonly fields: readonly { readonly key: string; readonly label: string; readonly testId: string }[];
}

/** The level of each year (the select's "not set", the school's level applying, is `''`: null would reset it). */
const LEVEL_LABELS: Readonly<Record<ProfminimumLevel, MessageKey>> = {
  basic: 'org_profminimum_basic',
  main: 'org_profminimum_main',
  advanced: 'org_profminimum_advanced',
};

/**
 * A school's enrolment per academic year, editable by staff (issue 14): the coordinator for any school, the school's
 * administrator for its own (the API decides; `canWrite` only shows the buttons). One year at a time: add a year, or
 * change or delete a recorded one; a change sends the version read, so a year changed meanwhile answers 409. Each
 * year from 2023-2024 carries its профминимум level (E1); an earlier year has none, so the select is not shown.
 */
@Component({
  selector: 'admin-enrolment-editor',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, NumberInput],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './enrolment-editor.html',
  styleUrl: './enrolment-editor.scss',
})
export class EnrolmentEditor {
  private readonly data = inject(OrganisationsData);
  private readonly clock = inject(AdminClock);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  protected readonly i18n = inject(I18nService);

  readonly organisationId = input.required<string>();
  readonly rows = input.required<readonly EnrolmentResponse[]>();
  readonly canWrite = input(false);
  /** a year was added, changed or deleted: the page reads the list again */
  readonly changed = output<void>();

  protected readonly levels = PROFMINIMUM_LEVELS;
  protected readonly form = new FormGroup({
    academicYear: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^\s*\d{4}-\d{4}\s*$/)],
    }),
    profminimumLevel: new FormControl<ProfminimumLevel | ''>('', { nonNullable: true }),
    grades: new FormGroup(Object.fromEntries(ENROLMENT_GRADES.map((g) => [g, count()]))),
    ages: new FormGroup(Object.fromEntries(AGE_FIELDS.map((a) => [a, count()]))),
  });

  /** the two blocks of counts, one loop in the template */
  protected readonly sections = computed<readonly CountSection[]>(() => {
    this.i18n.lang();
    return [
      {
        legend: 'enr_by_grade',
        group: 'grades',
        fields: ENROLMENT_GRADES.map((g) => ({
          key: g,
          label: this.i18n.t('enr_grade', { grade: g }),
          testId: `enrolment-grade-${g}`,
        })),
      },
      {
        legend: 'enr_by_age',
        group: 'ages',
        fields: AGE_FIELDS.map((a) => ({ key: a, label: this.ageLabel(a), testId: `enrolment-${a}` })),
      },
    ];
  });

  /** the year being edited (null: a new year), or undefined while the form is closed */
  protected readonly editing = signal<EnrolmentResponse | null | undefined>(undefined);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly fieldErrors = signal<Record<string, string>>({});

  protected readonly open = computed(() => this.editing() !== undefined);
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.value });
  protected readonly total = computed(() =>
    Object.values(this.value().grades ?? {}).reduce<number>((s, n) => s + (n ?? 0), 0),
  );
  /** E1: a level only for a year from 2023-2024 (an unreadable year offers it; the API decides) */
  protected readonly levelApplies = computed(() => {
    const year = AcademicYear.parse((this.value().academicYear ?? '').trim());
    return !year.ok || profminimumApplies(year.value.range.start);
  });

  protected levelLabel(level: ProfminimumLevel | '' | null): string {
    return this.i18n.t(level ? LEVEL_LABELS[level] : 'enr_level_none');
  }

  protected readonly fieldError = fieldError;

  protected control(section: CountSection, key: string): FormControl<number | null> {
    return this.form.controls[section.group].get(key) as FormControl<number | null>;
  }

  protected add(): void {
    const taken = new Set(this.rows().map((r) => r.academicYear));
    let y = this.clock.academicYear();
    while (taken.has(y.label)) y = y.next();
    this.start(null, y.label, '', {}, {});
  }

  protected edit(row: EnrolmentResponse): void {
    this.start(row, row.academicYear, row.profminimumLevel ?? '', row.pupilsByGrade, {
      aged14: row.aged14,
      aged15: row.aged15,
      aged16to17: row.aged16to17,
    });
  }

  protected cancel(): void {
    this.editing.set(undefined);
    this.error.set(null);
    this.fieldErrors.set({});
  }

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const level = (this.levelApplies() && v.profminimumLevel) || null;
    const counts = {
      pupilsByGrade: Object.fromEntries(ENROLMENT_GRADES.map((g) => [g, v.grades[g] ?? 0])),
      aged14: v.ages['aged14'] ?? 0,
      aged15: v.ages['aged15'] ?? 0,
      aged16to17: v.ages['aged16to17'] ?? 0,
    };
    const row = this.editing();
    // a new year without a chosen level takes the school's own (the API's default)
    const request: Observable<EnrolmentResponse> = row
      ? this.data.updateEnrolment(row.id, {
          ...counts,
          ...(this.levelApplies() ? { profminimumLevel: level } : {}),
          version: row.version,
        })
      : this.data.createEnrolment({
          organisationId: this.organisationId(),
          academicYear: v.academicYear.trim(),
          ...counts,
          ...(level ? { profminimumLevel: level } : {}),
        });
    this.busy.set(true);
    this.error.set(null);
    this.fieldErrors.set({});
    request.subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.editing.set(undefined);
        this.notify.done(this.i18n.t('enr_saved_toast', { year: this.i18n.academicYear(saved.academicYear) }));
        this.changed.emit();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        const shown = describeError(e, this.i18n);
        this.error.set(shown.message);
        this.fieldErrors.set(shown.fields);
      },
    });
  }

  protected remove(row: EnrolmentResponse): void {
    const year = this.i18n.academicYear(row.academicYear);
    this.dialog
      .open<ActionDialog, ActionDialogData, ActionDialogResult>(ActionDialog, {
        data: {
          title: this.i18n.t('enr_delete'),
          message: this.i18n.t('enr_delete_confirm', { year }),
          confirm: this.i18n.t('enr_delete'),
          danger: true,
        },
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((r): r is ActionDialogResult => !!r))
      .subscribe(() => {
        this.busy.set(true);
        this.data.deleteEnrolment(row.id).subscribe({
          next: () => {
            this.busy.set(false);
            this.notify.done(this.i18n.t('enr_deleted_toast', { year }));
            this.changed.emit();
          },
          error: (e: unknown) => {
            this.busy.set(false);
            this.error.set(describeError(e, this.i18n).message);
          },
        });
      });
  }

  private ageLabel(field: AgeField): string {
    return this.i18n.t(field === 'aged14' ? 'org_aged14' : field === 'aged15' ? 'org_aged15' : 'org_aged16to17');
  }

  private start(
    row: EnrolmentResponse | null,
    year: string,
    level: ProfminimumLevel | '',
    grades: Readonly<Record<string, number>>,
    ages: Partial<Record<AgeField, number>>,
  ): void {
    this.editing.set(row);
    this.form.reset({
      academicYear: year,
      profminimumLevel: level,
      grades: Object.fromEntries(ENROLMENT_GRADES.map((g) => [g, grades[g] ?? 0])),
      ages: Object.fromEntries(AGE_FIELDS.map((a) => [a, ages[a] ?? 0])),
    });
    this.error.set(null);
    this.fieldErrors.set({});
  }
}
