import { apiUrl, path, queryParams } from './http';

describe('the HTTP helper of the data-access layer', () => {
  it('leaves empty filters out of the query string', () => {
    expect(queryParams({ status: null, kind: undefined, q: '', limit: 20, offset: 0, open: false }).toString()).toBe(
      'limit=20&offset=0&open=false',
    );
  });

  it('encodes each path segment', () => {
    expect(path('plans', 'a/b c', 'submit')).toBe('/plans/a%2Fb%20c/submit');
  });

  it('builds the URL of a download with its query', () => {
    expect(apiUrl('/reports/summary', { period: '2019-2020', format: 'csv', lang: 'tt' })).toBe(
      '/api/v1/reports/summary?period=2019-2020&format=csv&lang=tt',
    );
    expect(apiUrl('/public/organisations/x/export.html')).toBe('/api/v1/public/organisations/x/export.html');
  });
});
