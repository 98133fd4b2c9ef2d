import { ChangeDetectionStrategy, Component, input, ViewEncapsulation } from '@angular/core';

import { ListShell, type ListState } from '../ui/list';

/**
 * A work list of the dashboard: a titled region with the list's loading, error and empty states, its rows (projected
 * `<li>`s) and, under them, how many more there are. Unencapsulated styles, scoped by the element's name, so the rows
 * the dashboard projects take them too.
 */
@Component({
  selector: 'admin-dash-card',
  imports: [ListShell],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  host: { role: 'region', '[attr.aria-labelledby]': 'headingId()' },
  template: `
    <h2 [id]="headingId()">{{ heading() }}</h2>
    <admin-list-shell [list]="list()" [emptyText]="emptyText()">
      <ul class="items">
        <ng-content />
      </ul>
      @if (more(); as m) {
        <p class="muted">{{ m }}</p>
      }
    </admin-list-shell>
  `,
  styles: `
    admin-dash-card {
      display: block;
      min-width: 0;
      padding: 4px 16px 12px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
    }
    .page admin-dash-card h2 {
      font: var(--mat-sys-title-medium);
      margin: 12px 0 8px;
    }
    admin-dash-card .empty {
      padding: 16px;
      margin: 0;
    }
    admin-dash-card .items {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    admin-dash-card .items > li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 2px 8px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      min-width: 0;
    }
    admin-dash-card .items > li:last-child {
      border-bottom: 0;
    }
    admin-dash-card .items a {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    admin-dash-card .items .sub {
      flex-basis: 100%;
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.8125rem;
      overflow-wrap: anywhere;
    }
  `,
})
export class DashCard {
  /** the id of the card's heading, which names the region */
  readonly headingId = input.required<string>();
  readonly heading = input.required<string>();
  readonly list = input.required<ListState<unknown>>();
  /** the sentence when the list is empty, already translated */
  readonly emptyText = input.required<string>();
  /** «ещё N не показаны», or null when every row is shown */
  readonly more = input<string | null>(null);
}
