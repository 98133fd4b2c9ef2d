import { ACTIVITY_STATUSES, ActivityStatus, AgreementData, AgreementKind } from '@socium/domain';

import { AgreementRow, toAgreementData } from '../../agreements/agreement.data';

/** The row mapper of the department report's queries: database rows (text, numbers as text, 0/1 flags) → typed figures. */
export type Row = Record<string, unknown>;

export interface ActivityGroupRow {
  org: string;
  status: ActivityStatus;
  directionId: string;
  directionCode: string;
  directionName: string;
  form: string;
  partnerType: string | null;
  hasPartner: boolean;
  count: number;
  participants: number;
  hours: number;
}

/** An agreement in force on the period's last day, and whether its partner worked with the school in the period. */
export interface AgreementLink {
  org: string;
  partner: string;
  /** `cooperation | social_partnership | network_form` */
  kind: string;
  /** the partner has activities of the period with this school that were not cancelled */
  linked: boolean;
  /** … with any school in scope */
  active: boolean;
}

export interface ActivityListRow {
  startsOn: string;
  school: string;
  title: string;
  directionCode: string;
  form: string;
  partner: string | null;
  status: string;
  plannedParticipants: number;
  actualParticipants: number | null;
  hours: number;
  targetGrades: number[];
}

export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
/** A text column that may be null. */
export const textOrNull = (v: unknown): string | null => (v as string | null | undefined) ?? null;
/** A flag: a boolean on PostgreSQL, 0/1 on SQLite. */
export const flag = (v: unknown): boolean => v === true || Number(v) === 1;

export const parseJsonList = <T>(text: unknown): T[] => {
  if (Array.isArray(text)) return text as T[];
  try {
    const v = JSON.parse(String(text ?? '[]'));
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
};

/** Activities of one status (of one school, or none), as a grouped row without direction, form or partner. */
export const groupOf = (
  org: unknown,
  status: ActivityStatus,
  n: unknown,
  participants: unknown,
  hours: unknown,
): ActivityGroupRow => ({
  org: String(org),
  status,
  directionId: '',
  directionCode: '',
  directionName: '',
  form: '',
  partnerType: null,
  hasPartner: false,
  count: num(n),
  participants: num(participants),
  hours: num(hours),
});

/**
 * A row with a count and hours column per status (`n_<status>`, `h_<status>`) and the held ones'
 * `participants`, as one grouped row per status that occurs.
 */
export const statusRows = (
  r: Row,
  row: (status: ActivityStatus, n: unknown, participants: unknown, hours: unknown) => ActivityGroupRow,
): ActivityGroupRow[] =>
  ACTIVITY_STATUSES.filter((st) => num(r[`n_${st}`]) > 0).map((st) =>
    row(st, r[`n_${st}`], st === 'held' ? r['participants'] : 0, r[`h_${st}`]),
  );

/** Rows with `status`, `n`, `participants`, `hours` and any of `directionId`, `form`, `partnerType`, `has_partner`. */
export const breakdownRow = (
  r: Row,
  directions: ReadonlyMap<string, { code: string; name: string }>,
): ActivityGroupRow => {
  const directionId = r['directionId'] === undefined ? '' : String(r['directionId']);
  return {
    ...groupOf('', r['status'] as ActivityStatus, r['n'], r['participants'], r['hours']),
    directionId,
    directionCode: directionId ? (directions.get(directionId)?.code ?? 'other') : '',
    directionName: directionId ? (directions.get(directionId)?.name ?? '') : '',
    form: r['form'] === undefined ? '' : String(r['form']),
    partnerType: textOrNull(r['partnerType']),
    hasPartner: num(r['has_partner']) === 1,
  };
};

/** The date facts of an agreement row (the columns named as the record's fields) as the domain's data. */
export const agreementDataOf = (r: Row): AgreementData => {
  const row: AgreementRow = {
    kind: r['kind'] as AgreementKind,
    startsOn: String(r['startsOn']),
    endsOn: textOrNull(r['endsOn']),
    autoRenew: flag(r['autoRenew']),
    noticeDays: num(r['noticeDays']),
    signedBySchoolOn: textOrNull(r['signedBySchoolOn']),
    signedByPartnerOn: textOrNull(r['signedByPartnerOn']),
    terminatedOn: textOrNull(r['terminatedOn']),
    noticeGivenOn: textOrNull(r['noticeGivenOn']),
  };
  return toAgreementData(row);
};

/** A fetched activity-list row, typed. */
export function toActivityListRow(r: Row): ActivityListRow {
  return {
    startsOn: String(r['startsOn']),
    school: String(r['school']),
    title: String(r['title']),
    directionCode: String(r['directionCode']),
    form: String(r['form']),
    partner: textOrNull(r['partner']),
    status: String(r['status']),
    plannedParticipants: num(r['plannedParticipants']),
    actualParticipants:
      r['actualParticipants'] === null || r['actualParticipants'] === undefined ? null : num(r['actualParticipants']),
    hours: num(r['hours']),
    targetGrades: parseJsonList<number>(r['grades']).map(Number),
  };
}
