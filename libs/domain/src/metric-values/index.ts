export * from './catalogue';
export * from './validation';
export * from './workflow';
