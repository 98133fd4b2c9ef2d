import { RequestMethod } from '@nestjs/common';

/**
 * The pages served outside the JSON API's `/api/v1` prefix: health probes, the documentation, the widget and its
 * embed pages, the demo page, the panel's files and the single-use links. One list: `setup-app.ts` gives it to
 * `setGlobalPrefix` as its exclusions and the route policies (`auth/route-policies.ts`) use it to tell an API
 * route (policy from the contract's route table) from a page (its own `@Public()`).
 */
export const OUTSIDE_API: ReadonlyArray<{ readonly path: string; readonly method: RequestMethod }> = [
  { path: 'health/{*rest}', method: RequestMethod.ALL },
  { path: 'demo', method: RequestMethod.GET },
  { path: 'link/{*rest}', method: RequestMethod.ALL },
  { path: 'embed/{*rest}', method: RequestMethod.GET },
  { path: 'widget.js', method: RequestMethod.GET },
  { path: 'widget/{*rest}', method: RequestMethod.GET },
  { path: 'api/docs', method: RequestMethod.GET },
  { path: 'api/docs-json', method: RequestMethod.GET },
  { path: 'api/docs/assets/{*rest}', method: RequestMethod.GET },
  { path: 'admin', method: RequestMethod.GET },
  { path: 'admin/{*rest}', method: RequestMethod.GET },
  { path: '/', method: RequestMethod.GET },
];

const REST = '/{*rest}';

/** Whether a controller route's own path (`/embed/:slug`, `/admin`, `/`) is one of the pages outside the API. */
export function isOutsideApi(routePath: string): boolean {
  const raw = routePath.replace(/^\/+/, '');
  return OUTSIDE_API.some(({ path }) => {
    const p = path.replace(/^\/+/, '');
    if (!p.endsWith(REST)) return raw === p;
    const base = p.slice(0, -REST.length);
    return raw === base || raw.startsWith(base + '/');
  });
}
