// Controllers and providers of this context, registered in ../features.ts.
import { AuditController } from './audit.controller';
import { AuditQueryService } from './audit-query.service';

export const controllers: (new (...args: never[]) => unknown)[] = [AuditController];
export const providers: (new (...args: never[]) => unknown)[] = [AuditQueryService];
