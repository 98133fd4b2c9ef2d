// Controllers and providers of this context, registered in ../features.ts.
import { MailerService } from './mailer.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { ReminderScheduler } from './reminder-scheduler';
import { RemindersService } from './reminders.service';

export const controllers: (new (...args: never[]) => unknown)[] = [NotificationsController];
export const providers: (new (...args: never[]) => unknown)[] = [
  MailerService,
  NotificationsService,
  RemindersService,
  ReminderScheduler,
];
