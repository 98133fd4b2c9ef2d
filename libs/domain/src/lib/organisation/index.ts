export * from './organisation';
export * from './school-grades';
