import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';

import { Public } from '../auth/policy.decorator';

@Controller('health')
export class HealthController {
  constructor(private readonly orm: MikroORM) {}

  @Get('live') @Public()
  live() { return { status: 'ok' }; }

  @Get('ready') @Public()
  async ready() {
    const ok = await this.orm.isConnected().catch(() => false);
    if (!ok) throw new ServiceUnavailableException({ message: 'Database not reachable', rule: 'health.database' });
    return { status: 'ok' };
  }
}
