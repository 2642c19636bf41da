export * from './fulfilment';
