import type { LabourCoverageResponse, LabourNeedResponse } from '@socium/contracts';

import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, WritableSignal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { catchError, combineLatest, map, of, startWith, switchMap } from 'rxjs';

import { describeError, showOnForm } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { I18nService } from '../core/i18n.service';
import { Notify } from '../core/notify';
import { PeriodService } from '../core/period.service';
import { apiFailure } from '../data-access/http';
import { LabourNeedsData } from '../data-access/labour-needs.data';
import { organisationName, organisationOptions, OrganisationsData } from '../data-access/organisations.data';
import { changedFields, showPlain, type ShowValue } from '../ui/conflict/changed-fields';
import { isStale, VersionConflict } from '../ui/conflict/conflict';
import { ConflictPanel } from '../ui/conflict/conflict-panel';
import {
  CellDef,
  DataTable,
  FilterSelect,
  keepInUrl,
  ListShell,
  listState,
  ListToolbar,
  Pager,
  phoneWidth,
  settled,
  type Column,
} from '../ui/list';
import { NumberInput } from '../ui/number-input';
import { fieldError } from '../ui/refusal/form-refusal';

type Coverage =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; value: LabourCoverageResponse };

/**
 * «Рынок труда»: the labour-market needs of the academic year in the picker (profession, sector, demand, source,
 * employer) with search and filters; the coordinator adds, edits and deletes them. Below, the coverage view: the
 * demanded professions of the year that no activity of the year featured (indicator #10, as the report counts it).
 */
@Component({
  selector: 'admin-labour-needs',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    CellDef,
    DataTable,
    ListShell,
    FilterSelect,
    ListToolbar,
    ConflictPanel,
    NumberInput,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './labour-needs.html',
  styles: `
    .editor {
      border: 1px solid var(--mat-sys-outline-variant, #c4c7c5);
      border-radius: 8px;
      padding: 0.75rem 1rem;
      margin-bottom: 1rem;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      column-gap: 1rem;
    }
    .grid mat-form-field {
      width: 100%;
    }
    .actions {
      display: flex;
      gap: 0.25rem;
      flex-wrap: wrap;
      align-items: center;
    }
    .row-actions {
      flex-wrap: nowrap;
    }
    .strong {
      font-weight: 500;
    }
    .uncovered {
      padding-left: 1.1em;
    }
  `,
})
export class LabourNeeds {
  private readonly needs = inject(LabourNeedsData);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(Notify);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly period = inject(PeriodService);
  private readonly organisations = inject(OrganisationsData);

  protected readonly employers = toSignal(
    this.organisations.organisationsWhere((o) => o.kind === 'partner'),
    {
      initialValue: [],
    },
  );
  private readonly names = toSignal(this.organisations.names(), { initialValue: new Map<string, string>() });
  protected readonly orgName = organisationName;
  protected readonly employerOptions = computed(() => organisationOptions(this.employers()));
  protected readonly isCoordinator = computed(() => this.auth.user()?.role === 'coordinator');
  protected readonly seesCoverage = computed(() => this.auth.user()?.role !== 'partner_rep');

  protected readonly search = signal('');
  protected readonly sector = signal('');
  protected readonly employerId = signal<string | null>(null);
  protected readonly pager = new Pager();
  /** the search and filters kept in the address (read from it here, before the search box's text settles) */
  protected readonly address = keepInUrl({ q: this.search, sector: this.sector, employer: this.employerId });
  private readonly query = settled(this.search);
  private readonly sectorQuery = settled(this.sector);
  protected readonly filtered = computed(() => !!(this.search().trim() || this.sector().trim() || this.employerId()));

  protected readonly list = listState(
    () => ({
      academicYear: this.period.year(),
      q: this.query(),
      sector: this.sectorQuery(),
      employerId: this.employerId(),
      offset: this.pager.offset(),
      limit: this.pager.size(),
    }),
    (q) => this.needs.list(q),
  );
  protected readonly columns: Column<LabourNeedResponse>[] = [
    { key: 'profession', header: 'lab_profession', text: (n) => n.profession },
    { key: 'sector', header: 'lab_sector', text: (n) => n.sector },
    { key: 'demand', header: 'lab_demand', text: (n) => this.i18n.number(n.demand) },
    { key: 'year', header: 'period', text: (n) => this.i18n.academicYear(n.academicYear) },
    { key: 'source', header: 'lab_source', text: (n) => n.source || '—' },
    { key: 'employer', header: 'plf_employer', text: (n) => (n.employerId ? this.name(n.employerId) : '—') },
  ];
  protected readonly narrow = phoneWidth();
  /** on a phone one column (a card per need: the profession, then the rest under it, then the buttons) */
  protected readonly shownColumns = computed<Column<LabourNeedResponse>[]>(() => {
    if (this.narrow()) return [{ key: 'card', header: 'lab_profession' }];
    return this.isCoordinator() ? [...this.columns, { key: 'actions', header: 'agr_actions' }] : this.columns;
  });

  /** the need being edited, 'new' for a new one, null when the editor is closed */
  protected readonly editing = signal<LabourNeedResponse | 'new' | null>(null);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);
  /** `409 version.stale`: what changed since the need was opened; reload or overwrite */
  protected readonly versionConflict = new VersionConflict<LabourNeedResponse>();
  protected readonly confirmDelete = signal<string | null>(null);
  /** A field's complaint in the interface's language: the server's, then the field's own. */
  protected errorOf(control: AbstractControl): string | null {
    return fieldError(control, this.i18n);
  }
  protected readonly form = this.fb.group({
    profession: ['', [Validators.required, Validators.maxLength(200)]],
    sector: ['', [Validators.required, Validators.maxLength(200)]],
    demand: [1, Validators.required], // its bounds are the field's (`NumberInput`)
    academicYear: [this.period.year(), Validators.required],
    source: ['', Validators.maxLength(300)],
    employerId: this.fb.control<string | null>(null),
  });

  private readonly coverageReloads = signal(0);
  protected readonly coverage = toSignal(
    combineLatest([toObservable(this.period.year), toObservable(this.coverageReloads)]).pipe(
      switchMap(([academicYear]) =>
        this.seesCoverage()
          ? this.needs.coverage({ academicYear }).pipe(
              map((value): Coverage => ({ state: 'ready', value })),
              catchError((e: unknown) =>
                of<Coverage>({ state: 'error', message: describeError(e, this.i18n).message }),
              ),
              startWith<Coverage>({ state: 'loading' }),
            )
          : of<Coverage>({ state: 'loading' }),
      ),
    ),
    { initialValue: { state: 'loading' } as Coverage },
  );

  protected name(id: string): string {
    return this.names().get(id) ?? '…';
  }

  protected percent(ratio: number): string {
    return this.i18n.number(ratio, { style: 'percent', maximumFractionDigits: 0 });
  }

  protected filter<V>(which: WritableSignal<V>, value: V): void {
    which.set(value);
    this.pager.first();
  }

  /** Clears the search and every filter, back to the first page. */
  protected clearFilters(): void {
    this.search.set('');
    this.sector.set('');
    this.employerId.set(null);
    this.pager.first();
  }

  protected openNew(): void {
    this.form.reset({
      profession: '',
      sector: '',
      demand: 1,
      academicYear: this.period.year(),
      source: '',
      employerId: null,
    });
    this.open('new');
  }

  protected edit(n: LabourNeedResponse): void {
    this.form.reset({ ...n });
    this.open(n);
  }

  private open(which: LabourNeedResponse | 'new'): void {
    this.error.set(null);
    this.conflict.set(false);
    this.versionConflict.clear();
    this.editing.set(which);
  }

  protected close(): void {
    this.editing.set(null);
  }

  protected save(): void {
    this.form.markAllAsTouched();
    const editing = this.editing();
    if (this.form.invalid || this.saving() || !editing) return;
    const v = this.form.getRawValue();
    const body = {
      profession: v.profession.trim(),
      sector: v.sector.trim(),
      demand: Number(v.demand),
      academicYear: v.academicYear,
      source: v.source.trim(),
      employerId: v.employerId || null,
    };
    this.saving.set(true);
    this.error.set(null);
    this.versionConflict.clear();
    const call =
      editing === 'new'
        ? this.needs.create(body)
        : this.needs.update(editing.id, { ...body, version: editing.version });
    call.subscribe({
      next: () => {
        this.saving.set(false);
        this.editing.set(null);
        this.notify.done(this.i18n.t('lab_saved'));
        this.list.reload();
        this.coverageReloads.update((n) => n + 1);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        if (editing !== 'new' && isStale(e)) this.showConflict(editing.id);
        else if (apiFailure(e)?.status === 409) this.conflict.set(true);
        else this.error.set(showOnForm(this.form, e, this.i18n));
      },
    });
  }

  /** The stored need read again after a stale save: where the user's values differ from it; the edits stay. */
  private showConflict(id: string): void {
    this.needs.get(id).subscribe({
      next: (stored) => {
        const labels = {
          profession: this.i18n.t('lab_profession'),
          sector: this.i18n.t('lab_sector'),
          demand: this.i18n.t('lab_demand'),
          academicYear: this.i18n.t('period'),
          source: this.i18n.t('lab_source'),
          employerId: this.i18n.t('plf_employer'),
        };
        const show: ShowValue = (field, v) =>
          field === 'employerId' && v
            ? this.name(v as string)
            : field === 'academicYear' && v
              ? this.i18n.academicYear(v as string)
              : showPlain(field, v);
        const v = this.form.getRawValue();
        this.versionConflict.show(
          stored,
          changedFields({ ...v, demand: Number(v.demand) }, { ...stored }, labels, show),
        );
      },
      error: (e: unknown) => this.error.set(describeError(e, this.i18n).message),
    });
  }

  protected conflictReload(): void {
    const stored = this.versionConflict.take();
    if (!stored) return;
    this.form.reset({ ...stored });
    this.editing.set(stored);
  }

  protected conflictOverwrite(): void {
    const stored = this.versionConflict.take();
    if (!stored) return;
    this.editing.set(stored);
    this.save();
  }

  /** After a 409: the need as it is now, in the editor. */
  protected reloadEditing(): void {
    this.editing.set(null);
    this.list.reload();
  }

  protected remove(n: LabourNeedResponse): void {
    this.needs.remove(n.id).subscribe({
      next: () => {
        this.confirmDelete.set(null);
        this.notify.done(this.i18n.t('lab_deleted'));
        this.list.reload();
        this.coverageReloads.update((x) => x + 1);
      },
      error: (e: unknown) => {
        this.confirmDelete.set(null);
        this.notify.failed(e);
      },
    });
  }
}
