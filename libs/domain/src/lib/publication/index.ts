export * from './public-text-screen';
