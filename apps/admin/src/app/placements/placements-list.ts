import type { PlacementResponse } from '@socium/contracts';
import { AcademicYear, unwrap } from '@socium/domain';

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { I18nService } from '../core/i18n.service';
import { PeriodService } from '../core/period.service';
import { PlacementsData } from '../data-access/placements.data';
import { CellDef, DataTable, ListShell, listState, type Column } from '../ui/list';
import { StatusChip } from '../ui/status-chip/status-chip';

/**
 * Student placements that start in the chosen academic year (pseudonymous codes only), each with its status as a
 * chip (blocked while paperwork is missing, cleared) and its stored findings in the panel's language.
 */
@Component({
  selector: 'admin-placements-list',
  imports: [CellDef, DataTable, ListShell, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .findings {
      margin: 0;
      padding-left: 1.1em;
      max-width: 40em;
    }
  `,
  template: `
    <section class="page">
      <h1>{{ i18n.t('plc_title') }} · {{ i18n.academicYear(period.year()) }}</h1>
      <admin-list-shell [list]="list" [emptyText]="i18n.t('plc_empty')">
        <admin-data-table [rows]="list.items()" [columns]="columns" testId="placements-table">
          <ng-template adminCell="status" let-p>
            <admin-status-chip
              [status]="p.status"
              [label]="i18n.t(p.status === 'blocked' ? 'plc_status_blocked' : 'plc_status_cleared')"
            />
          </ng-template>
          <ng-template adminCell="findings" let-p>
            @if (p.findings.length) {
              <ul class="findings">
                @for (f of p.findings; track f.rule) {
                  <li [class.review]="f.kind === 'review'">
                    {{ f.kind === 'review' ? i18n.t('plc_finding_review', { message: f.message }) : f.message }}
                  </li>
                }
              </ul>
            } @else {
              —
            }
          </ng-template>
        </admin-data-table>
      </admin-list-shell>
    </section>
  `,
})
export class PlacementsList {
  private readonly placements = inject(PlacementsData);
  protected readonly i18n = inject(I18nService);
  protected readonly period = inject(PeriodService);
  protected readonly list = listState(
    () => unwrap(AcademicYear.parse(this.period.year())).range,
    (year) => this.placements.list({ from: year.start.toString(), to: year.last.toString(), limit: 100 }),
  );
  protected readonly columns: Column<PlacementResponse>[] = [
    { key: 'dates', header: 'act_dates', text: (p) => `${this.i18n.date(p.startsOn)} — ${this.i18n.date(p.endsOn)}` },
    { key: 'student', header: 'plc_student_code', text: (p) => p.studentCode, cellClass: 'mono' },
    { key: 'job', header: 'plc_job_title', text: (p) => p.jobTitle },
    { key: 'channel', header: 'plc_channel', text: (p) => this.i18n.label('placementChannel', p.channel) },
    { key: 'hours', header: 'plc_hours_per_day', text: (p) => p.hoursPerDay },
    { key: 'status', header: 'plc_status' },
    { key: 'findings', header: 'plc_findings' },
  ];
}
