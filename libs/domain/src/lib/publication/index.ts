export * from './public-text-screen';
export * from './activity-publication';
