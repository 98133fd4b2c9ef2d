import { pupilsInGrades } from '../organisation/enrolment';
import {
  cellProblem,
  hasControlCharacter,
  isFormulaLike,
  parseCellBoolean,
  parseCellDate,
  parseCellInteger,
  parseCellNumber,
  splitCellList,
} from './cells';

describe('Spreadsheet cells', () => {
  it.each([
    ['=SUM(A1:A2)', false, true],
    ['  =1+1', false, true],
    ['+7 900', false, true],
    ['-5', false, true],
    ['-5', true, false],
    ['-5,5', true, false],
    ['-A1', true, true],
    ['@cmd', false, true],
    ['\tcmd', false, true],
    ['\rcmd', false, true],
    ['Завод «Тапарт»', false, false],
    ['a=b', false, false],
    ['', false, false],
  ])('treats %j (numeric column %s) as formula-like: %s', (text, numeric, expected) => {
    expect(isFormulaLike(text, numeric)).toBe(expected);
  });

  it('finds control characters but lets a line feed stay in free text when allowed', () => {
    expect(hasControlCharacter('a\u0000b')).toBe(true);
    expect(hasControlCharacter('a\u007fb')).toBe(true);
    expect(hasControlCharacter('a\nb')).toBe(true);
    expect(hasControlCharacter('a\nb', true)).toBe(false);
    expect(hasControlCharacter('обычный текст')).toBe(false);
  });

  it('names the formula rule before the control-character rule', () => {
    expect(cellProblem('=a\u0001')).toBe('import.cell.formula');
    expect(cellProblem('a\u0001')).toBe('import.cell.control-character');
    expect(cellProblem('a')).toBeNull();
  });

  it.each([
    ['2019-09-01', '2019-09-01'],
    ['01.09.2019', '2019-09-01'],
    ['1.9.2019', '2019-09-01'],
    ['29.02.2020', '2020-02-29'],
    ['29.02.2019', null],
    ['2019-13-01', null],
    ['31/12/2019', null],
    ['завтра', null],
    ['', null],
  ])('reads the date %j as %j', (text, expected) => {
    expect(parseCellDate(text)).toBe(expected);
  });

  it('reads whole numbers, decimals and yes/no cells', () => {
    expect(parseCellInteger('1 200')).toBe(1200);
    expect(parseCellInteger('12.5')).toBeNull();
    expect(parseCellInteger('abc')).toBeNull();
    expect(parseCellNumber('2,5')).toBe(2.5);
    expect(parseCellNumber('x')).toBeNull();
    expect(parseCellBoolean('Да')).toBe(true);
    expect(parseCellBoolean('no')).toBe(false);
    expect(parseCellBoolean('')).toBe(false);
    expect(parseCellBoolean('может быть')).toBeNull();
  });

  it('splits list cells on commas and semicolons', () => {
    expect(splitCellList('9, 10;11 ')).toEqual(['9', '10', '11']);
    expect(splitCellList('')).toEqual([]);
  });

  it('counts pupils of a range of grades, a missing grade as 0', () => {
    expect(pupilsInGrades({ '1': 10, '6': 5, '11': 2 })).toBe(17);
    expect(pupilsInGrades({ '1': 10, '6': 5, '11': 2 }, 6, 11)).toBe(7);
  });
});
