export * from './catalogue';
export * from './format';
export * from './messages';
export * from './reporting';
export * from './validation';
export * from './workflow';
