export * from './audit-names';
