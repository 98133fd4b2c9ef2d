export * from './agreement';
export * from './agreement-term';
export * from './agreement-lifecycle';
export { AGREEMENT_RULES } from '../common';
export * from './agreement-conditions';
export * from './agreement-plan-flag';
export * from './agreement-amendment';
