import { finding } from '../common';
import { assessFindings, PLACEMENT_FINDING_KINDS, placementFindingKind } from './finding-kinds';
import { PLACEMENT_RULE_CODES } from './placement.model';

const f = (rule: string) => finding(rule as never, { ru: rule, en: rule, tt: rule }, {});

describe('placement finding kinds', () => {
  it('classifies every placement finding code', () => {
    expect(Object.keys(PLACEMENT_FINDING_KINDS).sort()).toEqual([...PLACEMENT_RULE_CODES].sort());
  });

  it.each([
    'placement.consent.parent-required',
    'placement.consent.guardianship-required',
    'placement.weekend.consent-missing',
    'placement.medical.required',
    'placement.medical.expired',
    'placement.medical.after-start',
  ])('treats %s as missing paperwork', (code) => {
    expect(placementFindingKind(f(code))).toBe('paperwork');
  });

  it.each([
    'placement.age.under-14',
    'placement.night-work',
    'placement.prohibited-work',
    'placement.hours.weekly',
    'placement.hours.daily',
    'placement.load.exceeded',
    'placement.rest-day',
    'placement.holiday-work',
    'placement.lesson-hours',
    'placement.shift.span',
  ])('treats %s as a hard breach', (code) => {
    expect(placementFindingKind(f(code))).toBe('hard');
  });

  it('treats an [M] load as a review finding', () => {
    expect(placementFindingKind(f('placement.load.manual-review'))).toBe('review');
  });

  it('blocks while paperwork is missing and stores paperwork, then review findings', () => {
    const out = assessFindings([
      f('placement.load.manual-review'),
      f('placement.medical.required'),
      f('placement.night-work'),
    ]);
    expect(out.status).toBe('blocked');
    expect(out.hard.map((x) => x.rule)).toEqual(['placement.night-work']);
    expect(out.stored.map((x) => x.rule)).toEqual(['placement.medical.required', 'placement.load.manual-review']);
  });

  it('clears a placement with only review findings or none', () => {
    expect(assessFindings([f('placement.load.manual-review')]).status).toBe('cleared');
    expect(assessFindings([]).status).toBe('cleared');
  });
});
