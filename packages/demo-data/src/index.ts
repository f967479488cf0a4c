export * from './ids.js';
export * from './offers.js';
export * from './referrals.js';
