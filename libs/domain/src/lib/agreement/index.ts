export * from './agreement';
export * from './agreement-conditions';
