import type { EnrolmentResponse } from '@socium/contracts';
import { ENROLMENT_GRADES, ENROLMENT_MAX_COUNT } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { filter, type Observable } from 'rxjs';

import {
  ActionDialog,
  type ActionDialogData,
  type ActionDialogResult,
} from '../../agreements/agreement-page/action-dialog';
import { describeError } from '../../core/api-error';
import { AdminClock } from '../../core/clock';
import { I18nService } from '../../core/i18n.service';
import { Notify } from '../../core/notify';
import { OrganisationsData } from '../../data-access/organisations.data';

/** The counts a form edits: pupils per grade 1–11 and by age (14, 15, 16–17). */
interface Counts {
  grades: Record<string, number | null>;
  aged14: number | null;
  aged15: number | null;
  aged16to17: number | null;
}

const AGE_FIELDS = ['aged14', 'aged15', 'aged16to17'] as const;

/**
 * A school's enrolment per academic year, editable by staff (issue 14): the coordinator for any school, the school's
 * administrator for its own (the API decides; `canWrite` only shows the buttons). One year at a time: add a year, or
 * change or delete a recorded one; a change sends the version read, so a year changed meanwhile answers 409.
 */
@Component({
  selector: 'admin-enrolment-editor',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
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

  protected readonly grades = ENROLMENT_GRADES;
  protected readonly ages = AGE_FIELDS;
  protected readonly max = ENROLMENT_MAX_COUNT;

  /** the year being edited (null: a new year), or undefined while the form is closed */
  protected readonly editing = signal<EnrolmentResponse | null | undefined>(undefined);
  protected readonly year = signal('');
  protected readonly counts = signal<Counts>(emptyCounts());
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly fieldErrors = signal<Record<string, string>>({});

  protected readonly open = computed(() => this.editing() !== undefined);
  protected readonly total = computed(() =>
    Object.values(this.counts().grades).reduce<number>((s, n) => s + (n ?? 0), 0),
  );

  protected ageLabel(field: (typeof AGE_FIELDS)[number]) {
    return this.i18n.t(field === 'aged14' ? 'org_aged14' : field === 'aged15' ? 'org_aged15' : 'org_aged16to17');
  }

  protected add(): void {
    const taken = new Set(this.rows().map((r) => r.academicYear));
    let y = this.clock.academicYear();
    while (taken.has(y.label)) y = y.next();
    this.start(null, y.label, emptyCounts());
  }

  protected edit(row: EnrolmentResponse): void {
    this.start(row, row.academicYear, {
      grades: Object.fromEntries(ENROLMENT_GRADES.map((g) => [g, row.pupilsByGrade[g] ?? 0])),
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

  protected setGrade(grade: string, value: number | null): void {
    this.counts.update((c) => ({ ...c, grades: { ...c.grades, [grade]: value } }));
  }

  protected setAge(field: (typeof AGE_FIELDS)[number], value: number | null): void {
    this.counts.update((c) => ({ ...c, [field]: value }));
  }

  protected save(): void {
    if (this.busy()) return;
    const c = this.counts();
    const body = {
      pupilsByGrade: Object.fromEntries(ENROLMENT_GRADES.map((g) => [g, c.grades[g] ?? 0])),
      aged14: c.aged14 ?? 0,
      aged15: c.aged15 ?? 0,
      aged16to17: c.aged16to17 ?? 0,
    };
    const row = this.editing();
    const request: Observable<EnrolmentResponse> = row
      ? this.data.updateEnrolment(row.id, { ...body, version: row.version })
      : this.data.createEnrolment({ organisationId: this.organisationId(), academicYear: this.year().trim(), ...body });
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

  private start(row: EnrolmentResponse | null, year: string, counts: Counts): void {
    this.editing.set(row);
    this.year.set(year);
    this.counts.set(counts);
    this.error.set(null);
    this.fieldErrors.set({});
  }
}

function emptyCounts(): Counts {
  return {
    grades: Object.fromEntries(ENROLMENT_GRADES.map((g) => [g, 0])),
    aged14: 0,
    aged15: 0,
    aged16to17: 0,
  };
}
