export * from './workflow';
