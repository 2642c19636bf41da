export * from './figures';
export * from './sql';
