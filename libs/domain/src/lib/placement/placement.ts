import { DomainError, err, Finding, ok, Result, ruleError } from '../common';
import { assessFindings, PlacementAssessment } from './finding-kinds';
import { LABOUR_LIMITS } from './labour-limits';
import { ageOnStart, isEmployment, PlacementContext, PlacementInput, PlacementRule } from './placement.model';
import { ageAndConsentRule } from './rules/age-and-consent.rule';
import { dailyHoursRule } from './rules/daily-hours.rule';
import { daysOffRule } from './rules/days-off.rule';
import { lessonHoursRule } from './rules/lesson-hours.rule';
import { manualLoadRule } from './rules/manual-load.rule';
import { medicalClearanceRule } from './rules/medical-clearance.rule';
import { nightWorkRule } from './rules/night-work.rule';
import { probationRule } from './rules/probation.rule';
import { prohibitedWorkRule } from './rules/prohibited-work.rule';
import { scheduleShapeRule } from './rules/schedule-shape.rule';
import { shiftSpanRule } from './rules/shift-span.rule';
import { weeklyHoursRule } from './rules/weekly-hours.rule';

/** Every placement rule, in the order of the checklist (domain rules B13). */
export const PLACEMENT_RULES: readonly PlacementRule[] = [
  scheduleShapeRule,
  ageAndConsentRule,
  medicalClearanceRule,
  prohibitedWorkRule,
  manualLoadRule,
  weeklyHoursRule,
  dailyHoursRule,
  shiftSpanRule,
  nightWorkRule,
  daysOffRule,
  lessonHoursRule,
  probationRule,
];

/**
 * Every finding against a placement, each rule evaluated on the placement's own dates. Shape rules apply to
 * every kind; the Labour Code rules only to an employment contract with a student under 18 on the start date
 * (programme labour and volunteering are not employment, B0).
 */
export function checkPlacement(input: PlacementInput, ctx: PlacementContext): Finding[] {
  const labourCode = isEmployment(input.kind) && ageOnStart(input) < LABOUR_LIMITS.adultAge;
  return PLACEMENT_RULES.filter((rule) => rule.scope === 'any' || labourCode).flatMap((rule) =>
    rule.evaluate(input, ctx),
  );
}

/** Every finding against a placement, sorted into hard, paperwork and review findings (`finding-kinds.ts`). */
export function assessPlacement(input: PlacementInput, ctx: PlacementContext): PlacementAssessment {
  return assessFindings(checkPlacement(input, ctx));
}

/**
 * The assessment of a placement that may be stored (blocked or cleared, with its paperwork and review findings),
 * otherwise a 422 rule error carrying every hard finding in `details`.
 */
export function validatePlacement(
  input: PlacementInput,
  ctx: PlacementContext,
): Result<PlacementAssessment, DomainError> {
  const assessment = assessPlacement(input, ctx);
  return assessment.hard.length > 0 ? err(ruleError(assessment.hard)) : ok(assessment);
}
