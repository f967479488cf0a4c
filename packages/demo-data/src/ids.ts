import { createHash, createHmac } from 'node:crypto';

/**
 * A stable uuid-shaped id for a demo record, so every service's seed names the same resident or
 * referral without talking to the others (the seeds run independently, in any order).
 */
export function demoUuid(kind: string, index: number): string {
  const hex = createHash('sha256').update(`hamgam-demo:${kind}:${index}`).digest('hex');
  // Version 4 and variant bits set, so it passes uuid validation like a real one.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const trackingAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * The key demo tracking codes are derived with. A tracking code is all a resident needs to see a
 * referral, so a demo stack's live codes must not follow from this public source: natively each
 * checkout has its own secret (HAMGAM_DEMO_SECRET, made by infra/native/services.sh and given to every
 * service, so their seeds still agree); without one (unit tests, compose) a fixed, public key.
 */
const demoSecret = () => process.env['HAMGAM_DEMO_SECRET'] || 'hamgam-demo';

/** A stable tracking code for a demo referral, in the format residents are given. */
export function demoTrackingCode(index: number): string {
  const bytes = createHmac('sha256', demoSecret()).update(`tracking:${index}`).digest();
  const chars = [...bytes.subarray(0, 8)].map((b) => trackingAlphabet[b % trackingAlphabet.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** The demo resident of a clinic's register with this number (the clinics seed creates them). */
export const demoResidentRef = (index: number) => demoUuid('resident', index);

/** The household whose head is the demo resident with the same number. */
export const demoHouseholdRef = (index: number) => demoUuid('household', index);
