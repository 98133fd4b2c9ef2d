import { MikroORM } from '@mikro-orm/core';
import { Controller, Get } from '@nestjs/common';

import { Public } from '../auth/policy.decorator';
import { httpFailure } from '../http/app-error';

@Controller('health')
export class HealthController {
  constructor(private readonly orm: MikroORM) {}

  @Get('live')
  @Public()
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  async ready() {
    const ok = await this.orm.isConnected().catch(() => false);
    if (!ok)
      throw httpFailure('health.database', {
        en: 'Database not reachable',
        ru: 'База данных недоступна',
        tt: 'Мәгълүматлар базасы белән элемтә юк',
      });
    return { status: 'ok' };
  }
}
