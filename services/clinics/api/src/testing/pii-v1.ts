import { createCipheriv, randomBytes } from 'node:crypto';
import type { PersonalData } from '../domain/pii.js';

/** A record as the clinics sealed it before keys had ids (`v1.<nonce>.<tag>.<ciphertext>`): what existing databases hold. */
export function sealV1(data: PersonalData, key: Buffer): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return ['v1', nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}
