import { assertNever } from './assert-never';
import { domainError, finding, ruleError } from './domain-error';
import { daysInMonth, LocalDate, LocalTime } from './local-date';
import { err, ok, unwrap } from './result';

describe('results and errors', () => {
  it('unwraps a success and throws on a failure', () => {
    expect(unwrap(ok(3))).toBe(3);
    expect(() => unwrap(err('boom'))).toThrow('boom');
  });

  it('builds a rule error from findings, named by the first', () => {
    const f1 = finding('plan.edit.locked', { ru: 'один', en: 'one', tt: 'бер' }, { field: 'x', limit: 4, actual: 5 });
    const f2 = finding('plan.transition.invalid', { ru: 'два', en: 'two', tt: 'ике' });
    const e = ruleError([f1, f2]);
    expect(e).toMatchObject({ code: 'plan.edit.locked', category: 'rule', field: 'x', details: [f1, f2] });
    expect(() => ruleError([])).toThrow('ruleError needs at least one finding');
  });

  it('carries a field and details when given', () => {
    expect(domainError('request.invalid', 'invalid', { ru: 'р', en: 'e', tt: 'т' }, { field: 'f' })).toMatchObject({
      code: 'request.invalid',
      field: 'f',
    });
    expect(domainError('version.stale', 'conflict', { ru: 'р', en: 'e', tt: 'т' })).not.toHaveProperty('field');
  });

  it('fails loudly when a union member has no branch', () => {
    expect(() => assertNever('surprise' as never)).toThrow('surprise');
  });
});

describe('LocalDate helpers', () => {
  it('compares, orders and measures dates', () => {
    const a = LocalDate.iso('2020-02-28');
    const b = LocalDate.iso('2020-03-01');
    expect(a.daysUntil(b)).toBe(2);
    expect(a.compare(b)).toBeLessThan(0);
    expect(a.isBefore(b) && b.isAfter(a) && !a.equals(b)).toBe(true);
    expect(LocalDate.min(a, b)).toBe(a);
    expect(LocalDate.max(a, b)).toBe(b);
    expect(LocalDate.min(b, a)).toBe(a);
    expect(LocalDate.max(b, a)).toBe(b);
    expect(JSON.stringify({ a })).toBe('{"a":"2020-02-28"}');
    expect(a.addYears(1).toString()).toBe('2021-02-28');
    expect(LocalDate.iso('2020-02-29').addYears(1).toString()).toBe('2021-02-28');
  });

  it('knows weekends', () => {
    expect(LocalDate.iso('2020-02-15').isWeekend).toBe(true);
    expect(LocalDate.iso('2020-02-14').isWeekend).toBe(false);
  });

  it('names the field of an invalid date and rejects non-strings', () => {
    const r = LocalDate.parse('31.12.2020', 'startsOn');
    expect(r.ok ? null : r.error).toMatchObject({ code: 'date.invalid', field: 'startsOn' });
    expect(LocalDate.parse(undefined as unknown as string).ok).toBe(false);
    expect(() => LocalDate.iso('nope')).toThrow();
    expect(LocalDate.create(2020, 1.5, 1).ok).toBe(false);
  });

  it('has no 13th month', () => {
    expect(daysInMonth(2020, 13)).toBe(0);
  });

  it('formats a time of day and names the field of a bad one', () => {
    expect(LocalTime.of(9, 5).toString()).toBe('09:05');
    const r = LocalTime.parse('25:00', 'shiftStartsAt');
    expect(r.ok ? null : r.error).toMatchObject({ code: 'time.invalid', field: 'shiftStartsAt' });
    expect(LocalTime.parse(null as unknown as string).ok).toBe(false);
  });
});
