export * from './academic-year';
export * from './term-scheme';
export * from './reporting-period';
export * from './working-calendar';
