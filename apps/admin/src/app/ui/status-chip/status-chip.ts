import type { ActivityStatus, AgreementStatus, PlacementStatus, PlanStatus, RecipientState } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';
/** Every status the panel shows as a chip: the domain's lifecycles, and a recipient past its due date. */
export type ChipStatus = AgreementStatus | PlanStatus | ActivityStatus | RecipientState | PlacementStatus | 'overdue';

/** A colour for each status; a status added to the domain without one does not compile. */
const TONES: Readonly<Record<ChipStatus, StatusTone>> = {
  draft: 'neutral',
  planned: 'neutral',
  sent: 'neutral',
  signed: 'info',
  submitted: 'info',
  received: 'info',
  postponed: 'warning',
  active: 'success',
  approved: 'success',
  held: 'success',
  acknowledged: 'success',
  responded: 'success',
  renewed: 'success',
  expiring: 'warning',
  returned: 'warning',
  overdue: 'danger',
  expired: 'danger',
  terminated: 'danger',
  cancelled: 'danger',
  closed: 'neutral',
  blocked: 'danger',
  cleared: 'success',
};

/** A status shown as a coloured chip that always carries its word (never colour alone). */
@Component({
  selector: 'admin-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [class]="'chip tone-' + tone()" role="status">{{ label() }}</span>`,
  styleUrl: './status-chip.scss',
})
export class StatusChip {
  /** the machine status (`active`, `submitted`, …) that picks the colour */
  readonly status = input.required<string>();
  /** the word shown to the user, already translated */
  readonly label = input.required<string>();
  protected readonly tone = computed<StatusTone>(
    () => (TONES as Readonly<Record<string, StatusTone>>)[this.status()] ?? 'neutral',
  );
}
