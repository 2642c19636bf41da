export * from './size-bands';
export * from './statistics';
export * from './disclosure';
export * from './categories';
export * from './release';
export * from './quantiles';
