// Public API of the placement module (Labour Code checks for student placements, domain rules B).
export {
  LOAD_MODES,
  PLACEMENT_CHANNELS,
  PLACEMENT_KINDS,
  PLACEMENT_RULE_CODES,
  STUDENT_SEXES,
  WORK_DAYS,
  DEFAULT_LESSON_HOURS,
  ageOnStart,
  isEmployment,
  isSummerHoliday,
  withLessonHours,
  workDates,
  type LessonHours,
  type LoadMode,
  type PlacementChannel,
  type PlacementContext,
  type PlacementInput,
  type PlacementKind,
  type PlacementRule,
  type PlacementRuleCode,
  type StudentSex,
  type WorkDay,
} from './placement.model';
export {
  GUARDIANSHIP_CONSENT,
  LABOUR_LIMITS,
  LOAD_LIMITS_ACT,
  SUMMER_DAYS_OFF_EXCEPTION,
  minorAge,
  type Dated as LabourRuleVersion,
  type HoursLimit,
  type LoadRow,
  type MinorAge,
} from './labour-limits';
export {
  placementContextFacts,
  placementContextOfFacts,
  simplePlacementContext,
  type PlacementContextFacts,
  type SimplePlacementCalendar,
} from './placement-context';
export { PLACEMENT_RULES, assessPlacement, checkPlacement, validatePlacement } from './placement';
export {
  PLACEMENT_FINDING_KINDS,
  PLACEMENT_STATUSES,
  assessFindings,
  placementFindingKind,
  type PlacementAssessment,
  type PlacementFindingKind,
  type PlacementStatus,
} from './finding-kinds';
export { dayOffAllowed, dayOffException } from './rules/days-off.rule';
export {
  BLOCKED_CONDITION,
  BLOCKED_PLACEMENT_STATUS,
  hasStartedBlocked,
  isBlocked,
  startedBlockedCondition,
  type PlacementFlagField,
  type PlacementFlagRow,
} from './placement-flags';
