export * from './roles';
export * from './permissions';
export * from './enums';
export * from './resources';
export * from './auth';
export * from './jobs';
export * from './problem';
