import { d } from '../../../testing';
import { simplePlacementContext } from '../placement-context';
import { LoadMode, StudentSex } from '../placement.model';
import { aPlacement } from '../testing';
import { manualLoadRule as sut } from './manual-load.rule';

const ctx = simplePlacementContext();
const evaluate = (
  sex: StudentSex,
  age: number,
  loadMode: LoadMode | undefined,
  maxLoadKg: number | null,
  startsOn = d('2020-06-15'),
) =>
  sut.evaluate(
    aPlacement({ studentSex: sex, studentBirthDate: d(`${startsOn.year - age}-01-01`), loadMode, maxLoadKg, startsOn }),
    ctx,
  );

describe('manualLoadRule', () => {
  it.each<[StudentSex, LoadMode, number, number]>([
    ['male', 'constant', 14, 3],
    ['male', 'constant', 15, 3],
    ['male', 'constant', 16, 4],
    ['male', 'constant', 17, 4],
    ['female', 'constant', 14, 2],
    ['female', 'constant', 15, 2],
    ['female', 'constant', 16, 3],
    ['female', 'constant', 17, 3],
    ['male', 'up_to_third_constant', 14, 6],
    ['male', 'up_to_third_constant', 15, 7],
    ['male', 'up_to_third_constant', 16, 11],
    ['male', 'up_to_third_constant', 17, 13],
    ['female', 'up_to_third_constant', 14, 3],
    ['female', 'up_to_third_constant', 15, 4],
    ['female', 'up_to_third_constant', 16, 5],
    ['female', 'up_to_third_constant', 17, 6],
    ['male', 'up_to_third_alternating', 14, 12],
    ['male', 'up_to_third_alternating', 15, 15],
    ['male', 'up_to_third_alternating', 16, 20],
    ['male', 'up_to_third_alternating', 17, 24],
    ['female', 'up_to_third_alternating', 14, 4],
    ['female', 'up_to_third_alternating', 15, 5],
    ['female', 'up_to_third_alternating', 16, 7],
    ['female', 'up_to_third_alternating', 17, 8],
  ])('limits a %s worker carrying %s at %d to %d kg', (sex, mode, age, limit) => {
    expect(evaluate(sex, age, mode, limit).map((f) => f.rule)).not.toContain('placement.load.exceeded');
    expect(evaluate(sex, age, mode, limit + 0.5)).toEqual([
      expect.objectContaining({ rule: 'placement.load.exceeded', field: 'maxLoadKg', limit, actual: limit + 0.5 }),
    ]);
  });

  it('treats a load without a mode as carried constantly through the shift', () => {
    expect(evaluate('male', 16, undefined, 5)).toEqual([expect.objectContaining({ limit: 4 })]);
  });

  it('accepts a job without manual loads', () => {
    expect(evaluate('female', 14, undefined, null)).toEqual([]);
  });

  it.each([
    ['2026-02-28', 'male', '№ 7', 'a boy'],
    ['2026-03-01', 'female', '369н', 'a girl'],
  ] as const)('cites the act in force on the start date %s', (start, sex, act, who) => {
    const [finding] = evaluate(sex, 16, 'constant', 10, d(start));
    expect(finding.message.ru).toContain(act);
    expect(finding.message.en).toContain(who);
  });

  it('flags the issue 14 case for manual review: a boy of 16 carrying 11 kg constantly for up to a third of the shift', () => {
    expect(evaluate('male', 16, 'up_to_third_constant', 11)).toEqual([
      expect.objectContaining({ rule: 'placement.load.manual-review', field: 'maxLoadKg', limit: 6, actual: 11 }),
    ]);
  });

  it.each<[StudentSex, LoadMode, number, number, string[]]>([
    ['male', 'up_to_third_constant', 16, 6, []],
    ['male', 'up_to_third_constant', 16, 6.5, ['placement.load.manual-review']],
    ['male', 'up_to_third_constant', 14, 6, []],
    ['male', 'up_to_third_alternating', 15, 12, []],
    ['male', 'up_to_third_alternating', 15, 12.5, ['placement.load.manual-review']],
    ['female', 'up_to_third_alternating', 17, 8, []],
    ['female', 'up_to_third_constant', 17, 6, ['placement.load.manual-review']],
    ['male', 'constant', 17, 4, []],
  ])(
    'for a %s worker carrying %s at %d, %d kg gives %j (review only above the verified 14-year-old cell of an [M] row)',
    (sex, mode, age, kg, expected) => {
      expect(evaluate(sex, age, mode, kg).map((f) => f.rule)).toEqual(expected);
    },
  );

  it('says in the review message that the limit is unverified and needs a person', () => {
    const [finding] = evaluate('male', 16, 'up_to_third_constant', 11);
    expect(finding.message.en).toContain('manual review');
    expect(finding.message.ru).toContain('ручная проверка');
  });
});
