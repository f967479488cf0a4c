export * from './keys.js';
export * from './service.js';
export * from './callers.js';
export * from '../data/paging-testing.js';
