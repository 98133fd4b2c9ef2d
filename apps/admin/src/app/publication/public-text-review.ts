import type { ActivityResponse } from '@socium/contracts';

import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import { I18nService } from '../core/i18n.service';
import { Notify } from '../core/notify';
import { ActivitiesData } from '../data-access/activities.data';
import { ListShell, listState } from '../ui/list';

/**
 * Texts awaiting confirmation: public activities of the school whose title, venue or result the screening flagged
 * (an e-mail, a phone, a person's name, a class beside a name). The site leaves those texts out until the school
 * confirms them here, or corrects them in the plan (the link opens it).
 */
@Component({
  selector: 'admin-public-text-review',
  imports: [MatButtonModule, MatIconModule, RouterLink, ListShell],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .items {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .item {
      list-style: none;
      border: 1px solid var(--mat-sys-outline-variant, #ccc);
      border-radius: 8px;
      padding: 12px 16px;
      margin: 0 0 12px;
    }
    .item h3 {
      margin: 0 0 4px;
      font-size: 1rem;
    }
    .field {
      margin: 4px 0;
      overflow-wrap: anywhere;
    }
    .found {
      color: var(--mat-sys-error, #b3261e);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 8px;
    }
  `,
  template: `
    <h2 id="public-text-heading">{{ i18n.t('pubtext_title') }}</h2>
    <p>{{ i18n.t('pubtext_intro') }}</p>
    <admin-list-shell [list]="list" [emptyText]="i18n.t('pubtext_empty')" emptyTestId="public-text-empty">
      <ul class="items" aria-labelledby="public-text-heading" data-testid="public-text-list">
        @for (a of list.items(); track a.id) {
          <li class="item" data-testid="public-text-item">
            <h3>{{ i18n.date(a.startsOn) }} · {{ a.title }}</h3>
            @for (f of a.publicTextFlags; track f.field) {
              <p class="field">
                <strong>{{ i18n.label('activityTextField', f.field) }}:</strong> {{ textOf(a, f.field) }}
                <br />
                <span class="found">{{ i18n.t('pubtext_found') }}: {{ flagsText(f.flags) }}</span>
              </p>
            }
            <div class="actions">
              <button
                mat-flat-button
                type="button"
                [disabled]="busy() === a.id"
                (click)="confirm(a)"
                data-testid="public-text-confirm"
              >
                <mat-icon aria-hidden="true">done</mat-icon> {{ i18n.t('pubtext_confirm') }}
              </button>
              <a mat-stroked-button [routerLink]="['/plans', a.planId]">{{ i18n.t('pubtext_edit') }}</a>
            </div>
          </li>
        }
      </ul>
    </admin-list-shell>
  `,
})
export class PublicTextReview {
  private readonly activities = inject(ActivitiesData);
  private readonly notify = inject(Notify);
  protected readonly i18n = inject(I18nService);
  readonly organisationId = input.required<string>();
  protected readonly busy = signal<string | null>(null);
  protected readonly list = listState(this.organisationId, (id) => this.activities.awaitingTextConfirmation(id));

  protected textOf(a: ActivityResponse, field: 'title' | 'venue' | 'result'): string {
    return a[field] ?? '';
  }

  protected flagsText(flags: readonly ActivityResponse['publicTextFlags'][number]['flags'][number][]): string {
    return flags.map((f) => this.i18n.label('publicTextFlag', f)).join(', ');
  }

  protected confirm(a: ActivityResponse): void {
    this.busy.set(a.id);
    this.activities.confirmPublicText(a).subscribe({
      next: () => {
        this.busy.set(null);
        this.list.update((items) => items.filter((x) => x.id !== a.id));
        this.notify.done(this.i18n.t('pubtext_confirmed'));
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.notify.failed(e);
        this.list.reload();
      },
    });
  }
}
