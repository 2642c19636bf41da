export * from './gap';
