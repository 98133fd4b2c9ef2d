import { refusal, ruleError } from './domain-error';
import { categoryOf, RULE_CODE_GROUPS, RULE_CODES } from './rule-codes';

describe('the one list of rule codes', () => {
  it('files every code under exactly one category', () => {
    const filed = Object.values(RULE_CODE_GROUPS).flat();
    expect(filed).toHaveLength(RULE_CODES.length);
    expect(new Set(filed).size).toBe(filed.length);
  });

  it('names every code as dotted lower-case words', () => {
    const malformed = RULE_CODES.filter((code) => !/^[a-z][a-z0-9 -]*(\.[a-z0-9-]+)+$/.test(code));
    expect(malformed).toEqual([]);
  });

  it('gives a code the category it is filed under', () => {
    expect(categoryOf('agreement.edit.signed')).toBe('rule');
    expect(categoryOf('plan.not-found')).toBe('not_found');
    expect(categoryOf('auth.token-missing')).toBe('unauthenticated');
  });

  it('builds a refusal with the listed category and the field only when given', () => {
    const message = { ru: 'Занято', en: 'Taken', tt: 'Алынган' };
    expect(refusal('user.email.taken', message, 'email')).toEqual({
      code: 'user.email.taken',
      category: 'conflict',
      message,
      field: 'email',
    });
    expect(refusal('access.forbidden', message)).not.toHaveProperty('field');
  });

  it('takes the category of a rule error from its first finding', () => {
    const e = ruleError([{ rule: 'labour-need.employer.invalid', message: { ru: 'р', en: 'e', tt: 'т' } }]);
    expect(e.category).toBe('rule');
  });
});
