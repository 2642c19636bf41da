export * from './memberships/lifecycle';
export * from './consortia/threshold';
export * from './scorecards/scoring';
export * from './imports/csv';
export * from './periods';
export * from './metric-values';
export * from './text/control-characters';
export * from './benchmarks';
