export * from './single-use-link';
