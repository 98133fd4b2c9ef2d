import { fieldChanges, showValue } from './audit-log';

describe('audit log: before and after side by side', () => {
  it('lists every field once, the changed ones first', () => {
    const rows = fieldChanges({
      before: { name: 'РДК', address: null, version: 1, isPublished: true },
      after: { name: 'РДК', address: 'Уруссу', version: 2, isPublished: true },
    });
    expect(rows.map((r) => [r.field, r.changed])).toEqual([
      ['address', true],
      ['version', true],
      ['isPublished', false],
      ['name', false],
    ]);
    expect(rows[0]).toMatchObject({ before: '—', after: 'Уруссу' });
  });

  it('shows a creation and a deletion with the missing side as dashes', () => {
    expect(fieldChanges({ before: null, after: { name: 'X' } })).toEqual([
      { field: 'name', before: '—', after: 'X', changed: true },
    ]);
    expect(fieldChanges({ before: { name: 'X' }, after: null })[0]).toMatchObject({ before: 'X', after: '—' });
  });

  it('writes objects as compact JSON and booleans as words of the data', () => {
    expect(showValue([{ role: 'приёмная' }])).toBe('[{"role":"приёмная"}]');
    expect(showValue(false)).toBe('false');
    expect(showValue('')).toBe('—');
  });
});
