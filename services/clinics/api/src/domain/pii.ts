import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { normaliseNationalId } from './national-id.js';

/** A resident's personal data: never in events, never shown outside the resident's own clinic. */
export interface PersonalData {
  nationalId: string;
  fullName: string;
  phone: string;
}

export interface PiiKeys {
  /** 32 bytes: AES-256-GCM key for the personal data at rest. */
  encryptionKey: Buffer;
  /** 32 bytes: HMAC-SHA256 key of the national-id blind index (a different key, so one leak does not give the other). */
  blindIndexKey: Buffer;
}

const version = 'v1';

/** Decodes a base64 key and insists on 32 bytes (config validation uses it too). */
export function decodeKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32 || key.toString('base64') !== base64.trim()) throw new Error('expected the base64 encoding of exactly 32 bytes');
  return key;
}

export interface PiiProtector {
  encrypt(data: PersonalData): string;
  decrypt(sealed: string): PersonalData;
  /** The keyed index of a national id: equal ids give equal indexes, and the index reveals nothing without the key. */
  blindIndex(nationalId: string): string;
}

/**
 * AES-256-GCM with a fresh 96-bit nonce per record; the stored form is `v1.<nonce>.<tag>.<ciphertext>`
 * (base64url), so a tampered record fails to decrypt instead of yielding wrong data.
 */
export function piiProtector(keys: PiiKeys): PiiProtector {
  if (keys.encryptionKey.length !== 32 || keys.blindIndexKey.length !== 32) throw new Error('PII keys must be 32 bytes each');
  return {
    encrypt(data) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys.encryptionKey, nonce);
      const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
      return [version, nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(sealed) {
      const [v, nonce, tag, body] = sealed.split('.');
      if (v !== version || !nonce || !tag || body === undefined) throw new Error('not a sealed personal-data record');
      const decipher = createDecipheriv('aes-256-gcm', keys.encryptionKey, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      return JSON.parse(text) as PersonalData;
    },
    blindIndex(nationalId) {
      return createHmac('sha256', keys.blindIndexKey).update(`national-id:${normaliseNationalId(nationalId)}`).digest('hex');
    },
  };
}
