export * from './memberships/lifecycle';
export * from './consortia/threshold';
