import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import { I18nService } from '../../core/i18n.service';
import type { ListState } from './list-state';

/**
 * The frame of every list: a progress bar while loading, the error, the empty-list sentence, and the
 * projected content (the table) once there are rows.
 */
@Component({
  selector: 'admin-list-shell',
  imports: [MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (list().loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('loading')" />
    }
    @if (list().error(); as message) {
      <p class="error-banner" role="alert">{{ message }}</p>
    }
    @if (list().empty()) {
      <p class="empty" [attr.data-testid]="emptyTestId()">{{ emptyText() }}</p>
    } @else if (list().items().length > 0) {
      <ng-content />
    }
  `,
})
export class ListShell {
  protected readonly i18n = inject(I18nService);
  readonly list = input.required<ListState<unknown>>();
  /** the sentence when there are no rows, already translated */
  readonly emptyText = input.required<string>();
  readonly emptyTestId = input<string | null>(null);
}
