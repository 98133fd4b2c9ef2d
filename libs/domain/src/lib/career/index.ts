export * from './profminimum';
export * from './professions';
export * from './labour-need';
