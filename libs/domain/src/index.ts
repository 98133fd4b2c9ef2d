// The only door into the domain library. Pure TypeScript: no framework, no I/O, time passed in.
export * from './lib/common';
export * from './lib/career';
export * from './lib/indicators';
export * from './lib/placement';
export * from './lib/calendar';
export * from './lib/agreement';
export * from './lib/plan';
export * from './lib/activity';
export * from './lib/document';
export * from './lib/organisation';
export * from './lib/publication';
export * from './lib/labels';
export * from './lib/reminders';
export * from './lib/links';
export * from './lib/import';
export * from './lib/audit';
