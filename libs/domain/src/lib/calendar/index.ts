export * from './academic-year';
export * from './term-scheme';
export * from './reporting-period';
export * from './working-calendar';
export * from './school-year-calendar';
export * from './working-year';
export * from './calendar-seed';
