import type { PlacementResponse, UpdatePlacementRequest } from '@socium/contracts';
import { WORK_DAYS } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';

import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { I18nService } from '../../core/i18n.service';
import type { MessageKey } from '../../core/messages';
import { Notify } from '../../core/notify';
import { apiFailure } from '../../data-access/http';
import { OrganisationsData } from '../../data-access/organisations.data';
import { PlacementsData } from '../../data-access/placements.data';
import { changedFields, showPlain, type ShowValue } from '../../ui/conflict/changed-fields';
import { isStale, VersionConflict } from '../../ui/conflict/conflict';
import { ConflictPanel } from '../../ui/conflict/conflict-panel';
import { provideIsoDates } from '../../ui/date-input/provide-iso-dates';
import { dateError } from '../../ui/refusal/form-refusal';
import { StatusChip } from '../../ui/status-chip/status-chip';

/** The paperwork a blocked placement may lack, recorded from its page. */
interface Paperwork {
  parentConsent: boolean;
  guardianshipConsent: boolean;
  weekendWorkConsent: boolean;
  medicalClearanceOn: string;
}

/**
 * One placement: its fields, status and stored findings; the paperwork it lacks recorded here (a PATCH with the
 * version: the server checks it again and clears it); edit and delete for the school administrator of its school and
 * the coordinator.
 */
@Component({
  selector: 'admin-placement-page',
  providers: [provideIsoDates()],
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    StatusChip,
    ConflictPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './placement-page.html',
  styleUrl: './placement-page.scss',
})
export class PlacementPage {
  private readonly placements = inject(PlacementsData);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(Notify);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  /** A date field's complaint (no date, or outside its bounds) in the interface's language. */
  protected readonly dateError = (c: AbstractControl | null): string | null => (c ? dateError(c, this.i18n) : null);
  private readonly names = toSignal(inject(OrganisationsData).names(), { initialValue: new Map<string, string>() });

  readonly id = input.required<string>();

  protected readonly placement = signal<PlacementResponse | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);
  protected readonly confirmDelete = signal(false);
  /** `409 version.stale` on recording the paperwork: what changed meanwhile; reload or overwrite */
  protected readonly versionConflict = new VersionConflict<PlacementResponse>();
  protected paperwork: Paperwork = {
    parentConsent: false,
    guardianshipConsent: false,
    weekendWorkConsent: false,
    medicalClearanceOn: '',
  };

  protected readonly canWrite = computed(() => {
    const u = this.auth.user();
    const p = this.placement();
    if (!u || !p) return false;
    return u.role === 'coordinator' || (u.role === 'school_admin' && u.organisationId === p.schoolId);
  });
  /** the paperwork findings by field, to put the inputs that fix them first */
  protected readonly missing = computed(
    () => new Set((this.placement()?.findings ?? []).filter((f) => f.kind === 'paperwork').map((f) => f.field ?? '')),
  );

  constructor() {
    effect(() => this.load(this.id()));
  }

  protected name(id: string): string {
    return this.names().get(id) ?? '…';
  }

  protected days(p: PlacementResponse): string {
    return WORK_DAYS.filter((d) => p.workDays.includes(d))
      .map((d) => this.i18n.t(`plf_day_${d}` as MessageKey))
      .join(', ');
  }

  protected yesNo(v: boolean): string {
    return this.i18n.t(v ? 'yes' : 'no');
  }

  protected kindLabel(p: PlacementResponse): string {
    return this.i18n.t(`plf_kind_${p.kind}` as MessageKey);
  }

  protected sexLabel(p: PlacementResponse): string {
    return this.i18n.t(`plf_sex_${p.studentSex}` as MessageKey);
  }

  protected reload(): void {
    this.load(this.id());
  }

  private load(id: string): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.placements.get(id).subscribe({
      next: (p) => this.show(p),
      error: (e: unknown) => {
        this.loading.set(false);
        this.loadError.set(describeError(e, this.i18n).message);
      },
    });
  }

  private show(p: PlacementResponse): void {
    this.placement.set(p);
    this.paperwork = {
      parentConsent: p.parentConsent,
      guardianshipConsent: p.guardianshipConsent,
      weekendWorkConsent: p.weekendWorkConsent,
      medicalClearanceOn: p.medicalClearanceOn ?? '',
    };
    this.loading.set(false);
    this.conflict.set(false);
    this.versionConflict.clear();
    this.error.set(null);
  }

  /** Records the paperwork: the server checks the placement again; it is cleared when nothing is missing. */
  protected record(): void {
    const p = this.placement();
    if (!p || this.saving()) return;
    const w = this.paperwork;
    const body: UpdatePlacementRequest = {
      version: p.version,
      parentConsent: w.parentConsent,
      guardianshipConsent: w.guardianshipConsent,
      weekendWorkConsent: w.weekendWorkConsent,
      medicalClearanceOn: w.medicalClearanceOn || null,
    };
    this.saving.set(true);
    this.error.set(null);
    this.versionConflict.clear();
    this.placements.update(p.id, body).subscribe({
      next: (next) => {
        this.saving.set(false);
        this.show(next);
        this.notify.done(this.i18n.t(next.status === 'cleared' ? 'plp_cleared_toast' : 'plp_still_blocked_toast'));
      },
      error: (e: unknown) => (isStale(e) ? this.showConflict(p.id) : this.failed(e)),
    });
  }

  /** The stored placement read again after a stale save: where the paperwork typed differs from it. */
  private showConflict(id: string): void {
    this.placements.get(id).subscribe({
      next: (stored) => {
        this.saving.set(false);
        const labels = {
          parentConsent: this.i18n.t('plf_parent_consent'),
          guardianshipConsent: this.i18n.t('plf_guardianship_consent'),
          weekendWorkConsent: this.i18n.t('plf_weekend_consent'),
          medicalClearanceOn: this.i18n.t('plf_medical_on'),
        };
        const show: ShowValue = (field, v) =>
          typeof v === 'boolean' ? this.yesNo(v) : v ? this.i18n.date(v as string) : showPlain(field, v);
        this.versionConflict.show(stored, changedFields({ ...this.paperwork }, { ...stored }, labels, show));
      },
      error: (e: unknown) => this.failed(e),
    });
  }

  /** Takes the stored placement: the paperwork typed gives way. */
  protected conflictReload(): void {
    const stored = this.versionConflict.take();
    if (stored) this.show(stored);
  }

  /** Records the paperwork typed again with the stored placement's version, knowingly. */
  protected conflictOverwrite(): void {
    const stored = this.versionConflict.take();
    if (!stored) return;
    this.placement.set(stored);
    this.record();
  }

  protected remove(): void {
    const p = this.placement();
    if (!p) return;
    this.placements.remove(p.id).subscribe({
      next: () => {
        this.notify.done(this.i18n.t('plp_deleted'));
        void this.router.navigate(['/placements']);
      },
      error: (e: unknown) => this.failed(e),
    });
  }

  private failed(e: unknown): void {
    this.saving.set(false);
    this.confirmDelete.set(false);
    if (apiFailure(e)?.status === 409) {
      this.conflict.set(true);
      return;
    }
    const shown = describeError(e, this.i18n);
    const details = apiFailure(e)?.body.details ?? [];
    this.error.set(details.length ? details.map((d) => d.message).join(' ') : shown.message);
  }
}
