import type { CodeLabels, CodeSection } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';

import { I18nService } from '../../core/i18n.service';

/** One choice of a filter: the value the list filters by and the words shown for it. */
export interface FilterOption<T = string> {
  value: T;
  label: string;
}

/** The domain's codes as choices, named in the interface's language: `labelOptions(i18n, 'activityForm', FORMS)`. */
export function labelOptions<S extends CodeSection, C extends keyof CodeLabels[S]>(
  i18n: I18nService,
  section: S,
  codes: readonly C[],
): FilterOption<C>[] {
  return codes.map((code) => ({ value: code, label: i18n.label(section, code) }));
}

/**
 * A select among a list toolbar's filters: «Все» (no filter, `null`) first, then the options.
 *
 * `<admin-filter-select [label]="i18n.t('agr_school')" [value]="school()" [options]="schoolOptions()"
 * (valueChange)="filter(school, $event)" testId="filter-school" />`
 *
 * The test id goes on the `mat-select` itself, where the journeys look for it. `allLabel` names the empty choice
 * («Все» unless given; `null` leaves it out, for a filter that always has a value).
 */
@Component({
  selector: 'admin-filter-select',
  imports: [MatFormFieldModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    /* the form field stays a flex item of the toolbar's row, as if it were written there */
    :host {
      display: contents;
    }
    mat-form-field {
      min-width: 0;
    }
    /* on a wide screen the field is at least as wide as its label («Социальный партнёр» is not cut to «Социальный
       парт…»): about 0.6em a letter, plus the outline's padding and the arrow; on a phone the toolbar gives each
       filter a row of its own */
    @media (min-width: 600px) {
      mat-form-field {
        min-width: min(calc(var(--admin-filter-label-length, 0) * 0.6em + 64px), 100%);
      }
    }
  `,
  host: { '[style.--admin-filter-label-length]': 'label().length' },
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <mat-select [value]="value()" (selectionChange)="valueChange.emit($event.value)" [attr.data-testid]="testId()">
        @if (all(); as all) {
          <mat-option [value]="null">{{ all }}</mat-option>
        }
        @for (o of options(); track o.value) {
          <mat-option [value]="o.value">{{ o.label }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
})
export class FilterSelect<T = string> {
  private readonly i18n = inject(I18nService);
  /** the field's label («Школа») */
  readonly label = input.required<string>();
  /** the chosen value; `null` is «Все» */
  readonly value = input<T | null>(null);
  readonly options = input.required<readonly FilterOption<T>[]>();
  /** the `data-testid` of the select */
  readonly testId = input.required<string>();
  /** the words of the empty choice; «Все» when not given, none when `null` */
  readonly allLabel = input<string | null | undefined>(undefined);
  /** the value the user chose (`null` for the empty choice) */
  readonly valueChange = output<T | null>();

  protected readonly all = computed(() => {
    const given = this.allLabel();
    return given === undefined ? this.i18n.t('all') : given;
  });
}
