import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  contentChildren,
  Directive,
  inject,
  input,
  TemplateRef,
} from '@angular/core';
import { MatPaginatorIntl, MatPaginatorModule } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';

import { I18nService } from '../../core/i18n.service';
import type { MessageKey } from '../../core/messages';
import { LocalizedPaginatorIntl } from '../../core/paginator-intl';
import { Pager } from './list-state';

/** A column of a `DataTable`: its key, its heading (joined by ` / ` when several) and its text, or a cell template. */
export interface Column<T> {
  readonly key: string;
  readonly header: MessageKey | readonly MessageKey[];
  /** the cell's text; a column without it needs an `<ng-template adminCell="key">` */
  readonly text?: (row: T) => string | number;
  readonly cellClass?: string;
}

/** The template of a column's cells: `<ng-template adminCell="status" let-row>…</ng-template>`. */
@Directive({ selector: 'ng-template[adminCell]' })
export class CellDef {
  readonly name = input.required<string>({ alias: 'adminCell' });
  readonly template = inject<TemplateRef<{ $implicit: unknown }>>(TemplateRef);
}

/** The compact table of the list pages, with a paginator when the API pages the rows. */
@Component({
  selector: 'admin-data-table',
  imports: [NgTemplateOutlet, MatPaginatorModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: MatPaginatorIntl, useClass: LocalizedPaginatorIntl }],
  // on a narrow screen a wide table scrolls sideways inside the page instead of being cut off
  styles: `
    .scroll {
      overflow-x: auto;
    }
  `,
  template: `
    <!-- focusable, so that keyboard users can scroll a wide table sideways -->
    <div class="scroll" tabindex="0">
      <table mat-table [dataSource]="rows()" [trackBy]="sameRow" class="compact-table" [attr.data-testid]="testId()">
        @for (c of columns(); track c.key) {
          <ng-container [matColumnDef]="c.key">
            <th mat-header-cell *matHeaderCellDef>{{ heading(c) }}</th>
            <td mat-cell *matCellDef="let row" [class]="c.cellClass ?? ''">
              @if (cells().get(c.key); as cell) {
                <ng-container *ngTemplateOutlet="cell; context: { $implicit: row }" />
              } @else {
                {{ c.text?.(row) }}
              }
            </td>
          </ng-container>
        }
        <tr mat-header-row *matHeaderRowDef="keys()"></tr>
        <tr mat-row *matRowDef="let row; columns: keys()"></tr>
      </table>
    </div>
    @if (pager(); as p) {
      <mat-paginator
        [length]="total()"
        [pageIndex]="p.index()"
        [pageSize]="p.size()"
        [pageSizeOptions]="sizes"
        (page)="p.go($event)"
      />
    }
  `,
})
export class DataTable<T> {
  private readonly i18n = inject(I18nService);
  readonly rows = input.required<readonly T[]>();
  readonly columns = input.required<readonly Column<T>[]>();
  readonly testId = input<string | null>(null);
  readonly pager = input<Pager | null>(null);
  readonly total = input(0);

  protected readonly sizes = [...Pager.SIZES];
  /**
   * A row is its record (by id): a reload that brings the same record back keeps its row's elements, so a click
   * that lands while a search settles reaches the link instead of a row being replaced under the pointer.
   */
  protected readonly sameRow = (_: number, row: T): unknown => (row as { id?: unknown }).id ?? row;
  protected readonly keys = computed(() => this.columns().map((c) => c.key));
  private readonly cellDefs = contentChildren(CellDef);
  protected readonly cells = computed(() => new Map(this.cellDefs().map((d) => [d.name(), d.template])));

  protected heading(c: Column<T>): string {
    const keys: readonly MessageKey[] = typeof c.header === 'string' ? [c.header] : c.header;
    return keys.map((k) => this.i18n.t(k)).join(' / ');
  }
}
