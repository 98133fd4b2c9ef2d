// Persistence: decorator-free records, the portable migration and the ORM options.
export * from './lib/base-record';
export * from './lib/records';
export * from './lib/amendment-record';
export * from './lib/labour-records';
export * from './lib/idempotency-record';
export * from './lib/enrolment-record';
export * from './lib/notification-record';
export * from './lib/single-use-link-record';
export * from './lib/calendar-records';
export * from './lib/orm-config';
export * from './lib/dialect';
export * from './lib/migrations/migration-0001-initial';
