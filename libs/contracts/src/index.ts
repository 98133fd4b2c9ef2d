// Wire shapes: zod schemas + inferred types. The API validates with them; clients import types only.
export * from './lib/common.contract';
export * from './lib/auth.contract';
export * from './lib/organisation.contract';
export * from './lib/user.contract';
export * from './lib/direction.contract';
export * from './lib/agreement.contract';
export * from './lib/plan.contract';
export * from './lib/labour.contract';
export * from './lib/document.contract';
export * from './lib/period.contract';
export * from './lib/audit.contract';
export * from './lib/public.contract';
export * from './lib/routes';
export * from './lib/enrolment.contract';
export * from './lib/import.contract';
