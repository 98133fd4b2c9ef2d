// Controllers and providers of this context, registered in ../features.ts.
import { ReportBuilder } from './report-builder';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

export const controllers: (new (...args: never[]) => unknown)[] = [ReportsController];
export const providers: (new (...args: never[]) => unknown)[] = [ReportBuilder, ReportsService];
