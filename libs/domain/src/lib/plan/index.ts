export * from './plan';
export { PLAN_RULES } from '../common';
