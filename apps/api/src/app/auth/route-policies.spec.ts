import { Controller, Get, Post } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

import { Allow, Public } from './policy.decorator';
import { RoutePolicies } from './route-policies';

@Controller('agreements')
class Agreements {
  @Get()
  list(): string {
    return 'list';
  }
  @Post('not-in-the-contract')
  odd(): string {
    return 'odd';
  }
}

@Controller('plans')
class PlansWithDecorator {
  @Allow('coordinator')
  @Get()
  list(): string {
    return 'list';
  }
}

@Controller()
class Pages {
  @Public()
  @Get('embed/:slug')
  embed(): string {
    return 'embed';
  }
}

const policiesOf = (...controllers: (new () => object)[]) => {
  const discovery = {
    getControllers: () => controllers.map((c) => ({ instance: new c(), metatype: c })),
  } as unknown as DiscoveryService;
  const p = new RoutePolicies(discovery, new MetadataScanner(), new Reflector());
  p.onModuleInit();
  return p;
};

describe('Route policies from one source', () => {
  it("takes an API route's roles from the contract table", () => {
    const p = policiesOf(Agreements);
    expect(p.of(Agreements.prototype.list)).toEqual(['coordinator', 'school_admin', 'partner_rep']);
  });

  it('gives an API route missing from the contract table no policy, so the guard refuses it', () => {
    expect(policiesOf(Agreements).of(Agreements.prototype.odd)).toBeUndefined();
  });

  it('takes a page outside the API from its @Public() decorator', () => {
    expect(policiesOf(Pages).of(Pages.prototype.embed)).toBe('public');
  });

  it('refuses to start when an API route also declares roles with a decorator', () => {
    expect(() => policiesOf(PlansWithDecorator)).toThrow('GET /api/v1/plans');
  });
});
