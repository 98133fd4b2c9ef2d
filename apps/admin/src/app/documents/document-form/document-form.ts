import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';

import { showOnForm } from '../../core/api-error';
import { AdminClock } from '../../core/clock';
import { I18nService } from '../../core/i18n.service';
import { Notify } from '../../core/notify';
import { DocumentsData, type NewDocument } from '../../data-access/documents.data';
import { provideIsoDates } from '../../ui/date-input/provide-iso-dates';
import { NumberInput } from '../../ui/number-input';
import { dateError, fieldError } from '../../ui/refusal/form-refusal';

/** How the deadline is given: none, a calendar date, or N working days after the issue date. */
export type DueKind = 'none' | 'date' | 'days';

/** «Новый документ»: the coordinator registers a document (number, date, title, summary, deadline, public). */
@Component({
  selector: 'admin-document-form',
  providers: [provideIsoDates()],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    NumberInput,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './document-form.html',
})
export class DocumentForm {
  private readonly documents = inject(DocumentsData);
  private readonly notify = inject(Notify);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  /** A date field's complaint (no date, or outside its bounds) in the interface's language. */
  protected readonly dateError = (c: AbstractControl | null): string | null => (c ? dateError(c, this.i18n) : null);
  /** A field's complaint (the server's, or a number out of its bounds) in the interface's language. */
  protected readonly fieldError = (c: AbstractControl): string | null => fieldError(c, this.i18n);

  protected readonly dueKind = signal<DueKind>('none');
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = this.fb.group({
    number: ['', [Validators.required, Validators.maxLength(60)]],
    issuedOn: [inject(AdminClock).todayIso(), Validators.required],
    title: ['', [Validators.required, Validators.maxLength(500)]],
    summary: ['', Validators.maxLength(4000)],
    dueOn: [''],
    // checked only while the deadline is given in working days (disabled otherwise)
    dueWorkingDays: this.fb.control<number | null>({ value: 10, disabled: true }, [
      Validators.required,
      Validators.min(1),
      Validators.max(60),
    ]),
    isPublic: [false],
  });

  protected setDueKind(kind: DueKind): void {
    this.dueKind.set(kind);
    const days = this.form.controls.dueWorkingDays;
    if (kind === 'days') days.enable();
    else days.disable();
  }

  /** The request body: only the deadline the user chose. */
  protected body(): NewDocument {
    const v = this.form.getRawValue();
    const kind = this.dueKind();
    return {
      number: v.number.trim(),
      issuedOn: v.issuedOn,
      title: v.title.trim(),
      summary: v.summary.trim(),
      isPublic: v.isPublic,
      dueOn: kind === 'date' ? v.dueOn || null : null,
      dueWorkingDays: kind === 'days' ? Number(v.dueWorkingDays) : null,
    };
  }

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.documents.create(this.body()).subscribe({
      next: (d) => {
        this.notify.done(this.i18n.t('doc_created'));
        void this.router.navigate(['/documents', d.id]);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.error.set(showOnForm(this.form, e, this.i18n));
      },
    });
  }
}
