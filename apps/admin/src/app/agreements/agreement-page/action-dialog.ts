import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

import { I18nService } from '../../core/i18n.service';
import { provideIsoDates } from '../../ui/date-input/provide-iso-dates';
import { dateError } from '../../ui/refusal/form-refusal';

/** What the dialog asks: a sentence saying what will happen, and a date and a reason when the action needs them. */
export interface ActionDialogData {
  readonly title: string;
  /** what will happen, in a whole sentence */
  readonly message: string;
  readonly confirm: string;
  /** a dangerous action (terminate, delete): the confirm button is red */
  readonly danger?: boolean;
  /** the date field, pre-filled (YYYY-MM-DD) */
  readonly date?: { readonly label: string; readonly value: string; readonly max?: string; readonly min?: string };
  /** a required text field */
  readonly reason?: { readonly label: string };
}

export interface ActionDialogResult {
  readonly date: string;
  readonly reason: string;
}

/** Asks once before an agreement's action, with its date (a date picker) and reason when it needs them. */
@Component({
  selector: 'admin-agreement-action-dialog',
  providers: [provideIsoDates()],
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatDatepickerModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-top: 12px;
    }
    .danger {
      --mdc-filled-button-container-color: #b3261e;
      --mat-button-filled-container-color: #b3261e;
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form (ngSubmit)="ok()" novalidate>
      <mat-dialog-content>
        <p data-testid="dialog-message">{{ data.message }}</p>
        <div class="fields">
          @if (data.date; as d) {
            <mat-form-field appearance="outline">
              <mat-label>{{ d.label }}</mat-label>
              <input
                matInput
                [matDatepicker]="datePicker"
                name="date"
                required
                [min]="d.min ?? ''"
                [max]="d.max ?? ''"
                [ngModel]="date()"
                (ngModelChange)="date.set($event ?? '')"
                #dateModel="ngModel"
                data-testid="dialog-date"
              />
              <mat-datepicker-toggle matIconSuffix [for]="datePicker" />
              <mat-datepicker #datePicker />
              <mat-error>{{ dateError(dateModel.control) }}</mat-error>
            </mat-form-field>
          }
          @if (data.reason; as r) {
            <mat-form-field appearance="outline">
              <mat-label>{{ r.label }}</mat-label>
              <textarea
                matInput
                name="reason"
                rows="3"
                required
                [ngModel]="reason()"
                (ngModelChange)="reason.set($event)"
                data-testid="dialog-reason"
              ></textarea>
            </mat-form-field>
          }
          @if (error(); as e) {
            <p class="error-banner" role="alert" data-testid="dialog-error">
              {{ e === 'date' ? i18n.t('err_field_date') : i18n.t('err_field_empty') }}
            </p>
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ i18n.t('cancel') }}</button>
        <button mat-flat-button type="submit" [class.danger]="data.danger" data-testid="dialog-confirm">
          {{ data.confirm }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ActionDialog {
  protected readonly data = inject<ActionDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ActionDialog, ActionDialogResult>>(MatDialogRef);
  protected readonly i18n = inject(I18nService);
  /** A date field's complaint (no date, or outside its bounds) in the interface's language. */
  protected readonly dateError = (c: AbstractControl | null): string | null => (c ? dateError(c, this.i18n) : null);
  protected readonly date = signal(this.data.date?.value ?? '');
  protected readonly reason = signal('');
  protected readonly error = signal<'date' | 'reason' | null>(null);

  protected ok(): void {
    const date = this.date();
    const d = this.data.date;
    if (d && (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '') || (d.min && date < d.min) || (d.max && date > d.max)))
      return this.error.set('date');
    if (this.data.reason && !this.reason().trim()) return this.error.set('reason');
    this.ref.close({ date, reason: this.reason().trim() });
  }
}
