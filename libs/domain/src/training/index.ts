export * from './enrolments';
export * from './employment';
