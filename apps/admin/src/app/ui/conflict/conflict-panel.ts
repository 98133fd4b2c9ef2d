import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

import { I18nService } from '../../core/i18n.service';
import type { FieldChange } from './changed-fields';

/**
 * What a form shows on `409 version.stale`: the fields where the user's values differ from the stored record ("yours"
 * and "now"), and two choices — reload (take the stored record, lose the edits) or overwrite knowingly (send the
 * user's values again with the current version). The form keeps its edits until the user chooses.
 */
@Component({
  selector: 'admin-conflict-panel',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="conflict-panel" role="alert" aria-labelledby="conflict-title" data-testid="conflict-panel">
      <h2 id="conflict-title">{{ i18n.t('conflict_title') }}</h2>
      <p>{{ i18n.t('conflict_intro') }}</p>
      @if (changes().length > 0) {
        <table class="conflict-table" data-testid="conflict-changes">
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('conflict_field') }}</th>
              <th scope="col">{{ i18n.t('conflict_mine') }}</th>
              <th scope="col">{{ i18n.t('conflict_theirs') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (c of changes(); track c.field) {
              <tr [attr.data-field]="c.field">
                <th scope="row">{{ c.label }}</th>
                <td class="mine">{{ c.mine }}</td>
                <td class="theirs">{{ c.theirs }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p data-testid="conflict-none">{{ i18n.t('conflict_none') }}</p>
      }
      <p class="conflict-hint">{{ i18n.t('conflict_hint') }}</p>
      <div class="conflict-actions">
        <button
          mat-stroked-button
          type="button"
          [disabled]="busy()"
          (click)="reload.emit()"
          data-testid="conflict-reload"
        >
          {{ i18n.t('conflict_reload') }}
        </button>
        <button
          mat-flat-button
          type="button"
          [disabled]="busy()"
          (click)="overwrite.emit()"
          data-testid="conflict-overwrite"
        >
          {{ i18n.t('conflict_overwrite') }}
        </button>
      </div>
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .conflict-panel {
      grid-column: 1 / -1;
      border: 2px solid var(--mat-sys-error, #b3261e);
      border-radius: 8px;
      padding: 12px 16px;
      margin: 0 0 16px;
      background: var(--mat-sys-error-container, #fde7e6);
      color: var(--mat-sys-on-error-container, #410e0b);
      min-width: 0;
    }
    h2 {
      font-size: 1.1rem;
      margin: 0 0 8px;
    }
    .conflict-table {
      width: 100%;
      table-layout: fixed;
      border-collapse: collapse;
      margin: 8px 0;
      background: #fff;
      color: #1d1b20;
    }
    .conflict-table th,
    .conflict-table td {
      text-align: left;
      vertical-align: top;
      padding: 6px 8px;
      border: 1px solid #cac4d0;
      overflow-wrap: anywhere;
    }
    .conflict-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .conflict-hint {
      font-size: 0.9rem;
    }
  `,
})
export class ConflictPanel {
  protected readonly i18n = inject(I18nService);
  /** the fields that differ, labelled and shown in the interface's language */
  readonly changes = input.required<readonly FieldChange[]>();
  /** a choice is being carried out */
  readonly busy = input(false);
  readonly reload = output<void>();
  readonly overwrite = output<void>();
}
