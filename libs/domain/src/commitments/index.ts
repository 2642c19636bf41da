export * from './fulfilment';
export * from './templates';
export * from './notices';
