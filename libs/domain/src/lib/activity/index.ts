export * from './activity';
export * from './direction';
