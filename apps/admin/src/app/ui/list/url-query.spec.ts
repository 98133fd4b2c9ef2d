import { fromUrl, toUrl } from './url-query';

describe('a list kept in the address', () => {
  it('writes text and choices as they are and leaves empty ones, nulls and switched-off switches out', () => {
    expect(toUrl('гимн')).toBe('гимн');
    expect(toUrl('')).toBeNull();
    expect(toUrl(null)).toBeNull();
    expect(toUrl(true)).toBe('true');
    expect(toUrl(false)).toBeNull();
  });

  it('reads a value back as the field holds it and ignores a choice the list does not offer', () => {
    expect(fromUrl('', 'гимн')).toBe('гимн');
    expect(fromUrl(null, 'active', ['active', 'draft'])).toBe('active');
    expect(fromUrl(null, 'nonsense', ['active', 'draft'])).toBeUndefined();
    expect(fromUrl(false, 'true')).toBe(true);
    expect(fromUrl(null, null)).toBeUndefined();
  });
});
