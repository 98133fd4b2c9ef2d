export * from './document';
export * from './recipient-conditions';
export { DOCUMENT_RULES } from '../common';
