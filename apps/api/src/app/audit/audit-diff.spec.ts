import { diff } from './audit.service';

describe('audit diff', () => {
  it('keeps only the changed fields, before and after', () => {
    expect(diff({ a: 1, b: 'x', version: 1 }, { a: 2, b: 'x', version: 2 })).toEqual({
      before: { a: 1 },
      after: { a: 2 },
    });
  });

  it('never records secrets', () => {
    expect(diff(null, { email: 'a@b.org', passwordHash: 'h' })).toEqual({ before: null, after: { email: 'a@b.org' } });
  });
});
