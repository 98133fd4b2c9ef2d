export * from './activity';
export * from './direction';
export { ACTIVITY_RULES } from '../common';
