export * from './organisation';
export * from './school-grades';
export * from './enrolment';
