export * from './result';
export * from './assert-never';
export * from './domain-error';
export * from './local-date';
export * from './date-range';
export * from './clock';
export * from './condition';
export * from './rule-codes';
