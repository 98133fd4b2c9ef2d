// Controllers and providers of this context, registered in ../features.ts.
import { AuditQueryService } from './audit-query.service';
import { AuditController } from './audit.controller';

export const controllers: (new (...args: never[]) => unknown)[] = [AuditController];
export const providers: (new (...args: never[]) => unknown)[] = [AuditQueryService];
