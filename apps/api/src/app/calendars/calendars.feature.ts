// Controllers and providers of this context, registered in ../features.ts.
import { CalendarService } from './calendar.service';
import { CalendarsController } from './calendars.controller';
import { CalendarsService } from './calendars.service';

export const controllers: (new (...args: never[]) => unknown)[] = [CalendarsController];
export const providers: (new (...args: never[]) => unknown)[] = [CalendarService, CalendarsService];
