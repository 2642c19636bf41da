export * from './fulfilment';
export * from './templates';
