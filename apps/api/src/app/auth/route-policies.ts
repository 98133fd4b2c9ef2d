import { ROUTES } from '@socium/contracts';

import { Injectable, OnModuleInit, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

import { isOutsideApi } from '../http/outside-api';
import { Policy, POLICY_KEY } from './policy.decorator';

/** One route of the running app: its method and full path as a client sends them, and the handler serving it. */
export interface RouteHandler {
  method: string;
  path: string;
  handler: object;
  controller: object;
}

/** Every route handler of the app's controllers, with the path the global prefix gives it. */
export function routeHandlers(discovery: DiscoveryService, scanner: MetadataScanner): RouteHandler[] {
  const out: RouteHandler[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as object;
      const sub = Reflect.getMetadata(PATH_METADATA, handler);
      if (sub === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const raw = ('/' + [base, String(sub)].filter((s) => s && s !== '/').join('/')).replace(/\/+/g, '/');
      out.push({ method, path: isOutsideApi(raw) ? raw : '/api/v1' + raw, handler, controller: wrapper.metatype });
    }
  }
  return out;
}

/**
 * Who may call each route, from one source: the contract's route table (`ROUTES`, which also makes the OpenAPI
 * document and the authorisation matrix) for every API route, `@Public()` for the pages outside the API. Built once
 * at start; an API route that also carries a decorator stops the start (two sources), one missing from the table has
 * no policy and is refused by the guard (deny by default).
 */
@Injectable()
export class RoutePolicies implements OnModuleInit {
  private readonly byHandler = new Map<object, Policy>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const table = new Map(ROUTES.map((r) => [`${r.method} /api/v1${r.path}`, r.access]));
    const twice: string[] = [];
    for (const r of routeHandlers(this.discovery, this.scanner)) {
      const declared = this.reflector.getAllAndOverride<Policy | undefined>(POLICY_KEY, [
        r.handler as never,
        r.controller as never,
      ]);
      if (!r.path.startsWith('/api/v1/')) {
        if (declared !== undefined) this.byHandler.set(r.handler, declared);
        continue;
      }
      if (declared !== undefined) twice.push(`${r.method} ${r.path}`);
      const access = table.get(`${r.method} ${r.path}`);
      if (access !== undefined) this.byHandler.set(r.handler, access);
    }
    if (twice.length)
      throw new Error(`API routes take their roles from ROUTES (libs/contracts), not a decorator: ${twice.join(', ')}`);
  }

  /** The policy of the route a handler serves; undefined when it has none (then it is refused). */
  of(handler: object): Policy | undefined {
    return this.byHandler.get(handler);
  }
}
