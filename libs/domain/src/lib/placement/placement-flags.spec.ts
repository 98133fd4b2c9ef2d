import { holds, LocalDate } from '../common';
import { PLACEMENT_STATUSES } from './finding-kinds';
import { BLOCKED_CONDITION, hasStartedBlocked, isBlocked, startedBlockedCondition } from './placement-flags';

const d = LocalDate.iso;
const today = d('2026-06-01');

describe('placement flags', () => {
  it('flag a blocked placement and not a cleared one', () => {
    expect(isBlocked({ status: 'blocked' })).toBe(true);
    expect(isBlocked({ status: 'cleared' })).toBe(false);
  });

  it('count a blocked placement as started from its first day on, not the day before', () => {
    expect(hasStartedBlocked({ status: 'blocked', startsOn: d('2026-06-02') }, today)).toBe(false);
    expect(hasStartedBlocked({ status: 'blocked', startsOn: d('2026-06-01') }, today)).toBe(true);
    expect(hasStartedBlocked({ status: 'blocked', startsOn: d('2026-05-31') }, today)).toBe(true);
  });

  it('never count a cleared placement as started blocked', () => {
    expect(hasStartedBlocked({ status: 'cleared', startsOn: d('2026-05-31') }, today)).toBe(false);
  });

  it.each(PLACEMENT_STATUSES.flatMap((status) => ['2026-05-31', '2026-06-01', '2026-06-02'].map((s) => [status, s])))(
    'state the same rules as conditions for a %s placement starting %s',
    (status, startsOn) => {
      const row = { status, startsOn };
      const p = { status: status as 'blocked' | 'cleared', startsOn: d(startsOn) };
      expect(holds(BLOCKED_CONDITION, row)).toBe(isBlocked(p));
      expect(holds(startedBlockedCondition(today), row)).toBe(hasStartedBlocked(p, today));
    },
  );
});
