import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';

import { I18nService } from '../../core/i18n.service';
import type { ListState } from './list-state';

/**
 * The toolbar above a list: the search box, the list's own filters (projected: selects in the first row, chips marked
 * `adminToolbarChips` in the second), «Сбросить фильтры» while any filter or search is set, and the count of rows
 * found once there are rows.
 *
 * `<admin-list-toolbar [list]="list" [search]="search()" (searchChange)="filter(search, $event)"
 * [hint]="i18n.t('org_search_hint')" [filtered]="filtered()" (resetFilters)="clearFilters()" [count]="…" testId="org">`
 */
@Component({
  selector: 'admin-list-toolbar',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
    .search {
      flex: 1 1 280px;
      max-width: 420px;
    }
    @media (max-width: 599.98px) {
      .search,
      .filters ::ng-deep mat-form-field {
        flex: 1 1 100%;
        max-width: none;
      }
    }
  `,
  template: `
    <div class="toolbar-row filters" role="search" [attr.aria-label]="label() ?? i18n.t('search')">
      @if (searchable()) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="search">
          <mat-label>{{ i18n.t('search') }}</mat-label>
          <mat-icon matPrefix aria-hidden="true">search</mat-icon>
          <input
            matInput
            type="search"
            [value]="search()"
            (input)="searchChange.emit($any($event.target).value)"
            [placeholder]="hint()"
            [attr.data-testid]="testId() + '-search'"
          />
        </mat-form-field>
      }
      <ng-content />
    </div>
    <div class="toolbar-row">
      <ng-content select="[adminToolbarChips]" />
      @if (filtered()) {
        <button mat-button type="button" (click)="resetFilters.emit()" [attr.data-testid]="testId() + '-reset'">
          <mat-icon aria-hidden="true">filter_alt_off</mat-icon> {{ i18n.t('act_filters_clear') }}
        </button>
      }
    </div>
    @if (showCount()) {
      <p class="muted" aria-live="polite" [attr.data-testid]="testId() + '-count'">{{ count() }}</p>
    }
  `,
})
export class ListToolbar {
  protected readonly i18n = inject(I18nService);
  /** the list whose rows are counted (the count shows once it has rows) */
  readonly list = input.required<ListState<unknown>>();
  /** whether the list has a search box (false where the API searches no text: the filters only) */
  readonly searchable = input(true);
  /** the search text, and the text typed (the page resets its pager) */
  readonly search = input('');
  readonly searchChange = output<string>();
  /** what the search looks in, as a placeholder */
  readonly hint = input('');
  /** the search region's name for screen readers (default «Поиск») */
  readonly label = input<string | null>(null);
  /** a filter or the search is set: «Сбросить фильтры» shows */
  readonly filtered = input(false);
  readonly resetFilters = output<void>();
  /** the count sentence, already translated («Найдено: 12») */
  readonly count = input<string | null>(null);
  /** the prefix of the test ids: `<id>-search`, `<id>-reset`, `<id>-count` */
  readonly testId = input.required<string>();

  protected readonly showCount = computed(() => this.count() !== null && this.list().items().length > 0);
}
