export * from './document';
export * from './recipient-conditions';
