export * from './circulation';
