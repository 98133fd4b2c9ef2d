import type { ErrorCategory } from './domain-error';

/**
 * Every stable rule and error code of Socium, in one typed list. A code names what went wrong on the wire
 * (`rule` of an error answer, `details[].rule`); its category decides the HTTP status at the API's edge.
 * A code that is not listed here does not compile anywhere (`DomainError.code`, `Finding.rule` are `RuleCode`).
 *
 * The named groups below are the codes of each area; `RULE_CODE_GROUPS` files each code under exactly one
 * category (a spec checks no code is filed twice).
 */

/** Calendar and date parsing (lib/common, lib/calendar). */
export const PERIOD_RULES = {
  dateInvalid: 'date.invalid',
  timeInvalid: 'time.invalid',
  endBeforeStart: 'period.end-before-start',
  periodInvalid: 'period.invalid',
  academicYearInvalid: 'period.academic-year.invalid',
  termCount: 'period.term.count',
  termOutsideYear: 'period.term.outside-year',
  termOverlap: 'period.term.overlap',
  holidayTooShort: 'period.holiday.too-short',
  termTooLong: 'period.term.too-long',
  summerTooShort: 'period.summer.too-short',
  grade1HolidayOutsideTerm: 'period.grade1-holiday.outside-term',
  planDueOutsideYear: 'period.plan-due.outside-year',
  planDueDistrictOnly: 'period.plan-due.district-only',
} as const;

/** Agreements (lib/agreement): content, signing, termination, and what a signature freezes. */
export const AGREEMENT_RULES = {
  numberRequired: 'agreement.number.required',
  kindInvalid: 'agreement.kind.invalid',
  subjectRequired: 'agreement.subject.required',
  goalRequired: 'agreement.goal.required',
  directionsRequired: 'agreement.directions.required',
  obligationTextRequired: 'agreement.obligations.text-required',
  obligationsBothParties: 'agreement.obligations.both-parties',
  responsibleBothParties: 'agreement.responsible.both-parties',
  termEndBeforeStart: 'agreement.term.end-before-start',
  noticeInvalid: 'agreement.notice.invalid',
  networkTermsRequired: 'agreement.network-form.terms-required',
  signAlreadySigned: 'agreement.sign.already-signed',
  signFutureDate: 'agreement.sign.future-date',
  signAfterEnd: 'agreement.sign.after-end',
  terminateReasonRequired: 'agreement.terminate.reason-required',
  terminateNotSigned: 'agreement.terminate.not-signed',
  terminateAlreadyTerminated: 'agreement.terminate.already-terminated',
  terminateBeforeStart: 'agreement.terminate.before-start',
  terminateAfterEnd: 'agreement.terminate.after-end',
  editSigned: 'agreement.edit.signed',
  deleteSigned: 'agreement.delete.signed',
  /** references checked by the API: the parties are a school and a partner, the directions exist */
  partiesInvalid: 'agreement.parties.invalid',
  directionsUnknown: 'agreement.directions.unknown',
  /** amendments (дополнительные соглашения, lib/agreement/agreement-amendment) */
  amendmentNotInForce: 'agreement.amendment.not-in-force',
  amendmentNoChanges: 'agreement.amendment.no-changes',
  amendmentPending: 'agreement.amendment.pending',
  amendmentScheduled: 'agreement.amendment.scheduled',
  amendmentDateFuture: 'agreement.amendment.date-future',
  amendmentDateOutsideTerm: 'agreement.amendment.date-outside-term',
  amendmentEndRenewed: 'agreement.amendment.end-renewed',
  amendmentEndBeforeDate: 'agreement.amendment.end-before-date',
  amendmentSigned: 'agreement.amendment.signed',
} as const;

/** Joint plans (lib/plan). */
export const PLAN_RULES = {
  transitionInvalid: 'plan.transition.invalid',
  returnCommentRequired: 'plan.return.comment-required',
  editLocked: 'plan.edit.locked',
  agreementOutsideYear: 'plan.agreement.outside-year',
  organisationInvalid: 'plan.organisation.invalid',
  deleteHasHeld: 'plan.delete.has-held',
  agreementOtherOrganisation: 'plan.agreement.other-organisation',
} as const;

/** Activities of a joint plan (lib/activity). */
export const ACTIVITY_RULES = {
  titleRequired: 'activity.title.required',
  formInvalid: 'activity.form.invalid',
  endBeforeStart: 'activity.dates.end-before-start',
  outsidePlanYear: 'activity.outside-plan-year',
  outsideAgreementTerm: 'activity.outside-agreement-term',
  gradesInvalid: 'activity.grades.invalid',
  participantsInvalid: 'activity.participants.invalid',
  hoursInvalid: 'activity.hours.invalid',
  outcomeTransitionInvalid: 'activity.outcome.transition-invalid',
  heldFutureDate: 'activity.held.future-date',
  heldOutsideYear: 'activity.held.outside-year',
  actualParticipantsInvalid: 'activity.actual-participants.invalid',
  resultRequired: 'activity.result.required',
  cancelReasonRequired: 'activity.cancel.reason-required',
  postponeOutsideYear: 'activity.postpone.outside-year',
  postponeOutsideAgreementTerm: 'activity.postpone.outside-agreement-term',
  postponeNotLater: 'activity.postpone.not-later',
  postponeEndBeforeStart: 'activity.postpone.end-before-start',
  deleteHeld: 'activity.delete.held',
  planClosed: 'activity.plan.closed',
  confirmCancelled: 'activity.confirm.cancelled',
  /** references checked by the API */
  directionUnknown: 'activity.direction.unknown',
  partnerInvalid: 'activity.partner.invalid',
} as const;

/** Single-use links for organisations without an account (lib/links). */
export const LINK_RULES = {
  expired: 'link.expired',
  used: 'link.used',
  /** the activity has no partner, or the organisation is not a recipient of the document */
  targetInvalid: 'link.target.invalid',
} as const;

/** Documents and their recipients (lib/document). */
export const DOCUMENT_RULES = {
  numberRequired: 'document.number.required',
  titleRequired: 'document.title.required',
  dueBeforeIssued: 'document.due.before-issued',
  recipientsRequired: 'document.recipients.required',
  recipientsDuplicate: 'document.recipients.duplicate',
  recipientsAlreadySent: 'document.recipients.already-sent',
  recipientTransitionInvalid: 'document.recipient.transition-invalid',
  recipientDateBeforePrevious: 'document.recipient.date-before-previous',
  recipientResponseRequired: 'document.recipient.response-required',
  recipientDateInFuture: 'document.recipient.date-in-future',
  /** a send by audience that names nobody (no organisation of the chosen kinds) */
  audienceEmpty: 'document.audience.empty',
  /** a reference checked by the API: every recipient exists */
  recipientsUnknown: 'document.recipients.unknown',
  /** a response names a plan that is not the responding organisation's own */
  responsePlanNotOwn: 'document.response.plan-not-own',
  /** a response file sent after the organisation has responded (or its line was closed) */
  responseFileLocked: 'document.response.file-locked',
  /** a send or new version whose notifications and e-mails could not be stored: neither is, the send is undone */
  notificationsUnstored: 'document.notifications.unstored',
} as const;

/** Labour-market needs (lib/career); the input checks answer 400, the employer reference 422. */
export const LABOUR_NEED_RULES = {
  professionRequired: 'labour-need.profession.required',
  sectorRequired: 'labour-need.sector.required',
  demandInvalid: 'labour-need.demand.invalid',
  academicYearInvalid: 'labour-need.academic-year.invalid',
  employerInvalid: 'labour-need.employer.invalid',
} as const;

/** Enrolment of a school in an academic year (the denominators of G2 #7 and #11). */
export const ENROLMENT_RULES = {
  organisationNotSchool: 'enrolment.organisation.not-school',
  duplicate: 'enrolment.duplicate',
  schoolNotYours: 'enrolment.school.not-yours',
} as const;

/** Spreadsheet imports (C10): the file, its header and each cell. */
export const IMPORT_RULES = {
  rowsInvalid: 'import.rows-invalid',
  tooManyRows: 'import.too-many-rows',
  headerMissing: 'import.header.missing',
  fileEmpty: 'import.file.empty',
  fileUnreadable: 'import.file.unreadable',
  fileTooLarge: 'import.file.too-large',
  kindUnknown: 'import.kind.unknown',
  kindForbidden: 'import.kind.forbidden',
  cellFormula: 'import.cell.formula',
  cellControlCharacter: 'import.cell.control-character',
  cellDate: 'import.cell.date',
  cellNumber: 'import.cell.number',
  cellBoolean: 'import.cell.boolean',
  cellRequired: 'import.cell.required',
  cellInvalid: 'import.cell.invalid',
  referenceUnknown: 'import.reference.unknown',
  duplicate: 'import.duplicate',
  forbidden: 'import.forbidden',
} as const;

/** Career-guidance hours against the declared профминимум level (lib/career). */
export const PROFMINIMUM_RULES = {
  belowLevel: 'profminimum.hours.below-level',
  /** a level for an academic year that started before 01.09.2023 (E1) */
  levelBeforeStart: 'profminimum.level.before-start',
} as const;

/** Findings of the Labour Code checks of a placement (lib/placement, docs/product/domain-rules.md section B). */
export const PLACEMENT_RULE_CODES = [
  'placement.dates.invalid',
  'placement.shift.invalid',
  'placement.work-days.empty',
  'placement.hours.invalid',
  'placement.hours.inconsistent',
  'placement.age.under-14',
  'placement.consent.parent-required',
  'placement.consent.guardianship-required',
  'placement.hours.weekly',
  'placement.hours.daily',
  'placement.night-work',
  'placement.rest-day',
  'placement.holiday-work',
  'placement.prohibited-work',
  'placement.load.exceeded',
  'placement.medical.required',
  'placement.medical.after-start',
  'placement.medical.expired',
  'placement.shift.span',
  'placement.probation',
  'placement.weekend.consent-missing',
  'placement.lesson-hours',
  'placement.load.manual-review',
] as const;
export type PlacementRuleCode = (typeof PLACEMENT_RULE_CODES)[number];

/** The subjects of `<subject>.not-found` (404): a missing object, or one the caller may not see. */
export const NOT_FOUND_SUBJECTS = [
  'organisation',
  'user',
  'direction',
  'agreement',
  'agreement.scan',
  'agreement.amendment',
  'document.file',
  'plan',
  'activity',
  'document',
  'labour-need',
  'placement',
  'notification',
  'link',
  'widget file',
  'calendar',
  'enrolment',
] as const;
export type NotFoundSubject = (typeof NOT_FOUND_SUBJECTS)[number];
const notFoundCodes = NOT_FOUND_SUBJECTS.map((s): `${NotFoundSubject}.not-found` => `${s}.not-found`);

type CodesOf<T> = T extends readonly string[] ? T[number] : T[keyof T];
const valuesOf = <T extends Readonly<Record<string, string>>>(group: T): CodesOf<T>[] =>
  Object.values(group) as CodesOf<T>[];

/** Each code filed under the category its refusal carries; every category has its list. */
export const RULE_CODE_GROUPS = {
  /** 422: a domain rule refused the operation */
  rule: [
    ...valuesOf(AGREEMENT_RULES),
    ...valuesOf(PLAN_RULES),
    ...valuesOf(ACTIVITY_RULES),
    // a send undone because its notifications could not be stored is not a rule's refusal: 503, filed below
    ...valuesOf(DOCUMENT_RULES).filter((code) => code !== DOCUMENT_RULES.notificationsUnstored),
    ...valuesOf(LINK_RULES),
    ...PLACEMENT_RULE_CODES,
    PERIOD_RULES.termOutsideYear,
    PERIOD_RULES.termOverlap,
    PERIOD_RULES.holidayTooShort,
    PERIOD_RULES.termTooLong,
    PERIOD_RULES.summerTooShort,
    PERIOD_RULES.grade1HolidayOutsideTerm,
    PERIOD_RULES.planDueOutsideYear,
    PERIOD_RULES.planDueDistrictOnly,
    LABOUR_NEED_RULES.employerInvalid,
    ...valuesOf(PROFMINIMUM_RULES),
    ENROLMENT_RULES.organisationNotSchool,
    IMPORT_RULES.rowsInvalid,
    IMPORT_RULES.tooManyRows,
    IMPORT_RULES.cellFormula,
    IMPORT_RULES.cellControlCharacter,
    IMPORT_RULES.cellDate,
    IMPORT_RULES.cellNumber,
    IMPORT_RULES.cellBoolean,
    IMPORT_RULES.cellRequired,
    IMPORT_RULES.cellInvalid,
    IMPORT_RULES.referenceUnknown,
    IMPORT_RULES.duplicate,
    IMPORT_RULES.forbidden,
    'placement.school.invalid',
    'placement.employer.invalid',
    'user.disable.self',
    'user.delete.self',
    'user.organisation.not-found',
    'user.role.organisation-mismatch',
    'idempotency.key-reused',
  ],
  /** 400: malformed or invalid input */
  invalid: [
    PERIOD_RULES.dateInvalid,
    PERIOD_RULES.timeInvalid,
    PERIOD_RULES.endBeforeStart,
    PERIOD_RULES.periodInvalid,
    PERIOD_RULES.academicYearInvalid,
    PERIOD_RULES.termCount,
    LABOUR_NEED_RULES.professionRequired,
    LABOUR_NEED_RULES.sectorRequired,
    LABOUR_NEED_RULES.demandInvalid,
    LABOUR_NEED_RULES.academicYearInvalid,
    'request.invalid',
    'request.malformed-json',
    'request.malformed-url',
    'request.malformed-http',
    'request.malformed-encoding',
    'request.control-character',
    'field.unknown',
    'agreement.scan.type',
    'document.file.type',
    'document.file.too-many',
    'organisation.partner-type.required',
    'organisation.partner-type.only-partners',
    'organisation.lesson-hours.invalid',
    'organisation.lesson-hours.only-schools',
    'organisation.profminimum-level.only-schools',
    'audit.range.reversed',
    'report.table.unknown',
    'auth.password.wrong-current',
    'idempotency.key-invalid',
    IMPORT_RULES.headerMissing,
    IMPORT_RULES.fileEmpty,
    IMPORT_RULES.fileUnreadable,
  ],
  /** 401: no valid session */
  unauthenticated: [
    'auth.required',
    'auth.token-missing',
    'auth.token-invalid',
    'auth.token-revoked',
    'auth.invalid-credentials',
    'auth.refresh-invalid',
  ],
  /** 403: the caller may see the object but not do this */
  forbidden: [
    'access.forbidden',
    'access.no-policy',
    'access.role',
    'agreement.school.not-yours',
    'agreement.sign.not-your-party',
    'plan.organisation.not-yours',
    'placement.school.not-own',
    ENROLMENT_RULES.schoolNotYours,
    IMPORT_RULES.kindForbidden,
  ],
  /** 404 */
  not_found: [...notFoundCodes, 'route.not-found', IMPORT_RULES.kindUnknown],
  /** 405 */
  method_not_allowed: ['route.method-not-allowed'],
  /** 409: stale version or a uniqueness clash */
  conflict: [
    'version.stale',
    'agreement.in-use',
    'plan.duplicate',
    'direction.code.taken',
    'direction.in-use',
    'organisation.in-use',
    'organisation.slug.taken',
    'user.email.taken',
    'record.duplicate',
    'document.file.sent',
    'idempotency.in-progress',
    ENROLMENT_RULES.duplicate,
  ],
  /** 413 */
  too_large: ['request.too-large', 'agreement.scan.too-large', 'document.file.too-large', IMPORT_RULES.fileTooLarge],
  /** 415 */
  unsupported_media: ['request.unsupported-media-type'],
  /** 429 */
  throttled: ['request.throttled', 'auth.throttled', 'public.rate-limited'],
  /** 503 */
  unavailable: ['health.database', DOCUMENT_RULES.notificationsUnstored],
} as const satisfies Record<ErrorCategory, readonly string[]>;

type Groups = typeof RULE_CODE_GROUPS;
/** Every rule and error code. */
export type RuleCode = Groups[ErrorCategory][number];
/** The category a code is filed under. */
export type CategoryOf<C extends RuleCode> = {
  [K in ErrorCategory]: C extends Groups[K][number] ? K : never;
}[ErrorCategory];

const CATEGORY_OF: ReadonlyMap<string, ErrorCategory> = new Map(
  (Object.entries(RULE_CODE_GROUPS) as [ErrorCategory, readonly RuleCode[]][]).flatMap(([category, codes]) =>
    codes.map((code) => [code, category] as const),
  ),
);

/** Every code once, in list order. */
export const RULE_CODES: readonly RuleCode[] = [...CATEGORY_OF.keys()] as RuleCode[];

/** The category (hence the HTTP status) of a code. */
export function categoryOf<C extends RuleCode>(code: C): CategoryOf<C> {
  return CATEGORY_OF.get(code) as CategoryOf<C>;
}
