import { DeliveryListQuery, NotificationListQuery } from '@socium/contracts';

import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';

import { Caller, CurrentUser } from '../auth/policy.decorator';
import { zodDto } from '../http/zod-validation.pipe';
import { NotificationsService } from './notifications.service';
import { RemindersService } from './reminders.service';

class ListParams extends zodDto(NotificationListQuery) {}
class DeliveryParams extends zodDto(DeliveryListQuery) {}

@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly service: NotificationsService,
    private readonly reminders: RemindersService,
  ) {}

  @Get()
  list(@CurrentUser() c: Caller, @Query() q: ListParams) {
    return this.service.list(c, q);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentUser() c: Caller) {
    return this.service.readAll(c);
  }

  @Post('run')
  @HttpCode(200)
  run() {
    return this.reminders.run();
  }

  @Get('deliveries')
  deliveries(@Query() q: DeliveryParams) {
    return this.service.deliveries(q);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.read(c, id);
  }
}
