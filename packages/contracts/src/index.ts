export * from './envelope.js';
export * from './shared.js';
export * from './catalog.js';
export * from './events/clinics.js';
export * from './events/catalogue.js';
export * from './events/referrals.js';
export * from './events/commitments.js';
export * from './events/livelihood.js';
