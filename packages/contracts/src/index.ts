export * from './envelope.js';
export * from './shared.js';
export * from './catalog.js';
export * from './events/clinics.js';
