import { isOutsideApi } from './outside-api';

describe('the pages outside the JSON API', () => {
  it('are told apart from API routes by the same list the global prefix excludes', () => {
    for (const page of ['/', '/admin', '/admin/*path', '/embed/:slug', '/widget.js', '/widget/:file', '/demo'])
      expect(isOutsideApi(page)).toBe(true);
    expect(isOutsideApi('/health/live')).toBe(true);
    expect(isOutsideApi('/link/:token')).toBe(true);
  });

  it('do not swallow API routes that merely begin with the same letters', () => {
    for (const api of [
      '/agreements',
      '/administrators',
      '/embedded',
      '/widgets',
      '/demo-accounts',
      '/linked',
      '/links',
      '/links/:id',
    ])
      expect(isOutsideApi(api)).toBe(false);
  });
});
