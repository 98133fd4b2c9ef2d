import type { AuditEntryResponse, UserResponse } from '@socium/contracts';
import { ACTIVITY_STATUSES, AUDIT_ALWAYS_NAMED_TYPES, auditRecordName, type ActivityStatus } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule } from '@angular/material/paginator';
import { catchError, map, of } from 'rxjs';

import { I18nService } from '../core/i18n.service';
import type { MessageKey } from '../core/messages';
import { LocalizedPaginatorIntl } from '../core/paginator-intl';
import { AuditData } from '../data-access/audit.data';
import { UsersData } from '../data-access/users.data';
import { provideIsoDates } from '../ui/date-input/provide-iso-dates';
import { FilterSelect, keepInUrl, ListShell, listState, ListToolbar, Pager, settled } from '../ui/list';
import { dateError } from '../ui/refusal/form-refusal';
import { NESTED_FIELD_NAMES, readableValue, type ValueWords } from './audit-values';

/** The kinds of record the API writes to the audit log, with their names in the panel. */
export const AUDIT_OBJECT_TYPES: Readonly<Record<string, MessageKey>> = {
  organisation: 'aud_type_organisation',
  user: 'aud_type_user',
  agreement: 'aud_type_agreement',
  plan: 'aud_type_plan',
  activity: 'aud_type_activity',
  placement: 'aud_type_placement',
  labour_need: 'aud_type_labour_need',
  enrolment: 'aud_type_enrolment',
  document: 'aud_type_document',
  document_recipient: 'aud_type_document_recipient',
  single_use_link: 'aud_type_single_use_link',
  direction: 'aud_type_direction',
  school_year_calendar: 'aud_type_school_year_calendar',
  working_calendar_year: 'aud_type_working_calendar_year',
};

const ACTIONS: Readonly<Record<string, MessageKey>> = {
  create: 'aud_action_create',
  update: 'aud_action_update',
  delete: 'aud_action_delete',
  'password.change': 'aud_action_password_change',
  import: 'aud_action_import',
  sign: 'aud_action_sign',
  terminate: 'aud_action_terminate',
  scan: 'aud_action_scan',
  amend: 'aud_action_amend',
  submit: 'aud_action_submit',
  approve: 'aud_action_approve',
  return: 'aud_action_return',
  confirm: 'aud_action_confirm',
  send: 'aud_action_send',
  reissue: 'aud_action_reissue',
  receive: 'aud_action_receive',
  acknowledge: 'aud_action_acknowledge',
  respond: 'aud_action_respond',
  'attach-response-file': 'aud_action_attach_response_file',
  close: 'aud_action_close',
};

/** The panel's names of the fields of organisations and users (and of any record that has no own name for one). */
const FIELD_NAMES: Readonly<Record<string, MessageKey>> = {
  name: 'org_name',
  shortName: 'org_short_name',
  slug: 'org_slug',
  kind: 'org_kind',
  partnerType: 'org_partner_type',
  address: 'org_address',
  contacts: 'org_contacts',
  vettingValidUntil: 'org_vetting',
  profminimumLevel: 'org_profminimum',
  termScheme: 'cal_scheme',
  language: 'org_mail_language',
  site: 'org_site',
  isPublished: 'org_published',
  lessonsStartAt: 'org_lessons_start',
  lessonsEndAt: 'org_lessons_end',
  email: 'email',
  role: 'usr_role',
  organisationId: 'usr_organisation',
  disabled: 'usr_state_disabled',
  status: 'status',
};

/** The names of an agreement's, a plan's and an activity's fields, as their forms call them. */
const FIELD_NAMES_OF: Readonly<Record<string, Readonly<Record<string, MessageKey>>>> = {
  agreement: {
    number: 'agr_number',
    kind: 'agr_kind',
    schoolId: 'agr_school',
    partnerId: 'agr_partner',
    subject: 'agr_subject',
    goal: 'agr_goal',
    directionIds: 'agr_directions',
    obligations: 'agr_obligations',
    startsOn: 'agr_start_date',
    endsOn: 'agr_end_date',
    autoRenew: 'agr_auto_renewal',
    noticeDays: 'agr_notice_period',
    signedBySchoolOn: 'aud_field_signed_by_school_on',
    signedByPartnerOn: 'aud_field_signed_by_partner_on',
    terminatedOn: 'aud_field_terminated_on',
    terminationReason: 'aud_field_termination_reason',
  },
  plan: {
    organisationId: 'plan_organisation',
    agreementId: 'plan_agreement',
    academicYear: 'aud_field_academic_year',
    returnComment: 'plan_comment',
  },
  activity: {
    organisationId: 'plan_organisation',
    academicYear: 'aud_field_academic_year',
    title: 'act_name',
    directionId: 'act_direction',
    form: 'act_form',
    partnerId: 'act_partner',
    startsOn: 'act_starts',
    endsOn: 'act_ends',
    venue: 'act_venue',
    targetGrades: 'act_target_grades',
    plannedParticipants: 'act_planned_participants',
    actualParticipants: 'act_actual_participants',
    hours: 'act_hours',
    isPublic: 'act_publish',
    result: 'act_result',
    heldOn: 'act_held_on',
    evidenceLinks: 'act_evidence',
    cancelReason: 'act_reason',
  },
};

/** The kinds of record whose every record has a name: one the API cannot name is gone. */
const ALWAYS_NAMED: ReadonlySet<string> = new Set(AUDIT_ALWAYS_NAMED_TYPES);

/** The name an entry's own snapshot gives its record, by the API's rule for its kind (after, else before), if any. */
function nameIn(e: AuditEntryResponse): string | undefined {
  return auditRecordName(e.objectType, e.after) ?? auditRecordName(e.objectType, e.before);
}

/** One field of an entry: its value before and after (as the API stored them), and whether it changed. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** A value as compared between before and after: empty as a dash, objects as compact JSON (never shown). */
export function showValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The fields of `before` and `after` side by side, the changed ones first (then by name). */
export function fieldChanges(e: Pick<AuditEntryResponse, 'before' | 'after'>): FieldChange[] {
  const keys = new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})]);
  const rows = [...keys].map((field) => {
    const before = e.before?.[field] ?? null;
    const after = e.after?.[field] ?? null;
    return { field, before, after, changed: showValue(before) !== showValue(after) };
  });
  return rows.sort((a, b) => Number(b.changed) - Number(a.changed) || a.field.localeCompare(b.field));
}

/**
 * «Журнал изменений» (coordinator): who changed what and when, filtered by object type and id, author and dates;
 * each entry opens to its before and after side by side, the changed fields marked.
 */
@Component({
  selector: 'admin-audit-log',
  imports: [
    FormsModule,
    MatButtonModule,
    MatExpansionModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    ListShell,
    FilterSelect,
    ListToolbar,
  ],
  providers: [provideIsoDates(), { provide: MatPaginatorIntl, useClass: LocalizedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-log.html',
  styleUrl: './audit-log.scss',
})
export class AuditLog {
  private readonly audit = inject(AuditData);
  protected readonly i18n = inject(I18nService);
  /** A date field's complaint (no date, or outside its bounds) in the interface's language. */
  protected readonly dateError = (c: AbstractControl | null): string | null => (c ? dateError(c, this.i18n) : null);

  protected readonly types = Object.keys(AUDIT_OBJECT_TYPES);
  protected readonly type = signal<string | null>(null);
  protected readonly id = signal('');
  protected readonly userId = signal<string | null>(null);
  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly pager = new Pager();
  protected readonly sizes = [...Pager.SIZES];
  /** the filters kept in the address; `?objectType=&objectId=` also come from a record's page («История») */
  protected readonly address = keepInUrl(
    { objectType: this.type, objectId: this.id, user: this.userId, from: this.from, to: this.to },
    { objectType: this.types },
  );
  private readonly idQuery = settled(this.id);

  /** the users (undefined until they arrive) */
  private readonly userList = toSignal(
    inject(UsersData)
      .list({ limit: 100 })
      .pipe(
        map((p) => p.items),
        catchError(() => of([] as UserResponse[])),
      ),
  );
  private readonly users = computed(() => this.userList() ?? []);
  protected readonly typeOptions = computed(() => this.types.map((t) => ({ value: t, label: this.typeName(t) })));
  protected readonly userOptions = computed(() => this.users().map((u) => ({ value: u.id, label: u.name })));
  private readonly userNames = computed(() => new Map(this.users().map((u) => [u.id, u.name])));
  /** the id box holds a UUID or nothing: anything else would only be refused by the API */
  protected readonly idInvalid = computed(() => {
    const v = this.idQuery();
    return !!v && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
  });
  protected readonly datesReversed = computed(() => !!this.from() && !!this.to() && this.from() > this.to());

  protected readonly list = listState(
    () => ({
      objectType: this.type(),
      objectId: this.idInvalid() ? null : this.idQuery(),
      userId: this.userId(),
      from: this.from() || null,
      to: this.datesReversed() ? null : this.to() || null,
      offset: this.pager.offset(),
      limit: this.pager.size(),
    }),
    (q) => this.audit.list(q),
  );

  /** The names the page's entries give their records (a signature's entry holds only the changed fields). */
  private readonly pageNames = computed(() => {
    const names = new Map<string, string>();
    for (const e of this.list.items()) {
      const n = nameIn(e);
      if (n && !names.has(e.objectId)) names.set(e.objectId, n);
    }
    return names;
  });

  protected readonly filtered = computed(
    () => !!(this.type() || this.id().trim() || this.userId() || this.from() || this.to()),
  );

  /** Clears every filter, back to the first page. */
  protected clearFilters(): void {
    this.type.set(null);
    this.id.set('');
    this.userId.set(null);
    this.from.set('');
    this.to.set('');
    this.pager.first();
  }

  protected set(which: 'type' | 'userId', value: string | null): void {
    this[which].set(value);
    this.pager.first();
  }
  protected setText(which: 'id' | 'from' | 'to', value: string): void {
    this[which].set(value);
    this.pager.first();
  }

  protected typeName(type: string): string {
    const key = AUDIT_OBJECT_TYPES[type];
    return key ? this.i18n.t(key) : type;
  }
  protected actionName(action: string): string {
    const key = ACTIONS[action];
    if (key) return this.i18n.t(key);
    // an activity's outcome is filed as `outcome:<status>`: «Итог: проведено»
    const status = action.startsWith('outcome:') ? action.slice('outcome:'.length) : '';
    if (!(ACTIVITY_STATUSES as readonly string[]).includes(status)) return action;
    const word = this.i18n.label('activityStatus', status as ActivityStatus).toLocaleLowerCase(this.i18n.locale());
    return this.i18n.t('aud_action_outcome', { status: word });
  }
  protected author(id: string | null): string {
    return id ? (this.userNames().get(id) ?? this.i18n.t('aud_user_unknown')) : this.i18n.t('aud_system');
  }
  /**
   * The record as the entry's heading names it: in guillemets, its name as it is now (answered with the entry), else
   * the name its entries on the page gave it (a record since deleted), else «(запись удалена)» for a kind whose
   * every record has a name, else its id.
   */
  protected objectTitle(e: AuditEntryResponse): string {
    const name = e.objectTitle ?? nameIn(e) ?? this.pageNames().get(e.objectId);
    if (name) return this.quoted(name);
    if (ALWAYS_NAMED.has(e.objectType)) return `(${this.i18n.t('aud_record_deleted')})`;
    return this.quoted(e.objectId);
  }
  /** The name in guillemets, once: a name that is already quoted («Ютазинская новь») gets no second pair. */
  protected quoted(name: string): string {
    return /^«.*»$/.test(name) ? name : `«${name}»`;
  }
  /** `28.11.2026 14:05` in the chosen language's date order, local time. */
  protected when(at: string): string {
    const t = new Date(at);
    if (Number.isNaN(t.getTime())) return at;
    const iso = `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
    const time = `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
    return this.i18n.t('aud_when', { date: this.i18n.date(iso), time });
  }
  protected fieldName(type: string, field: string): string {
    const key = FIELD_NAMES_OF[type]?.[field] ?? FIELD_NAMES[field];
    return key ? this.i18n.t(key) : field;
  }
  /** The words the before/after table writes its values in (the names of nested fields, dates, yes/no). */
  private readonly words: ValueWords = {
    t: (key, params) => this.i18n.t(key, params),
    date: (iso) => this.i18n.date(iso),
    fieldName: (field) => {
      const key = NESTED_FIELD_NAMES[field] ?? FIELD_NAMES[field];
      return key ? this.i18n.t(key) : field;
    },
  };
  /** A value of the before/after table in the chosen language: contacts and other objects as words, never JSON. */
  protected shown(field: string, v: unknown): string {
    return readableValue(field, v, this.words);
  }
  protected changes(e: AuditEntryResponse): FieldChange[] {
    return fieldChanges(e);
  }
  protected changedCount(e: AuditEntryResponse): number {
    return e.before && e.after ? fieldChanges(e).filter((c) => c.changed).length : 0;
  }
}
