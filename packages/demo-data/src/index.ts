export * from './ids.js';
export * from './offers.js';
export * from './referrals.js';
export * from './scale.js';
