import { changedFields, EMPTY_VALUE, showPlain } from './changed-fields';

describe('changedFields', () => {
  const labels = { name: 'Название', site: 'Сайт', directions: 'Направления', published: 'Публикуется' };

  it('lists only the labelled fields whose values differ, in the order of the labels', () => {
    const mine = { published: true, name: 'РДК', site: 'rdk.ru', version: 3 };
    const theirs = { published: false, name: 'РДК Уруссу', site: 'rdk.ru', version: 4 };
    expect(changedFields(mine, theirs, labels).map((c) => c.field)).toEqual(['name', 'published']);
  });

  it('gives each change its label, what the user typed and what is stored now', () => {
    expect(changedFields({ name: 'РДК' }, { name: 'РДК Уруссу' }, { name: 'Название' })).toEqual([
      { field: 'name', label: 'Название', mine: 'РДК', theirs: 'РДК Уруссу' },
    ]);
  });

  it('treats blank text, null and a missing value as the same nothing, and compares text trimmed', () => {
    expect(changedFields({ name: ' РДК ', site: '' }, { name: 'РДК', site: null }, labels)).toEqual([]);
    expect(changedFields({ site: '   ' }, {}, labels)).toEqual([]);
  });

  it('compares lists by their items and shows them joined', () => {
    expect(changedFields({ directions: ['a', 'b'] }, { directions: ['a', 'b'] }, labels)).toEqual([]);
    expect(changedFields({ directions: ['a', 'b'] }, { directions: ['a'] }, labels)).toEqual([
      { field: 'directions', label: 'Направления', mine: 'a, b', theirs: 'a' },
    ]);
  });

  it('compares objects whatever the order of their keys', () => {
    const l = { terms: 'Условия' };
    expect(changedFields({ terms: { a: 1, b: 2 } }, { terms: { b: 2, a: 1 } }, l)).toEqual([]);
  });

  it('shows an empty side as a dash', () => {
    expect(changedFields({ site: 'rdk.ru' }, { site: null }, labels)[0]).toMatchObject({
      mine: 'rdk.ru',
      theirs: EMPTY_VALUE,
    });
  });

  it('lets the form name its values in the interface language', () => {
    const show = (field: string, v: unknown) => (field === 'published' ? (v ? 'Да' : 'Нет') : showPlain(field, v));
    expect(changedFields({ published: true }, { published: false }, labels, show)).toEqual([
      { field: 'published', label: 'Публикуется', mine: 'Да', theirs: 'Нет' },
    ]);
  });
});
