import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { nameWords } from './name-tokens.js';
import { normaliseNationalId } from './national-id.js';

/** A resident's personal data: never in events, never shown outside the resident's own clinic. */
export interface PersonalData {
  nationalId: string;
  fullName: string;
  phone: string;
}

export interface PiiKeys {
  /** 32 bytes: AES-256-GCM key every new or changed record is sealed with. */
  encryptionKey: Buffer;
  /** 32 bytes: HMAC-SHA256 key of the national-id blind index (a different key, so one leak does not give the other). */
  blindIndexKey: Buffer;
  /** Keys records may still be sealed with while a key rotation is under way: read, never written. */
  previousEncryptionKeys?: readonly Buffer[];
  /** The index key before the current one, while records may still carry its index. */
  previousBlindIndexKey?: Buffer;
}

/** Decodes a base64 key and insists on 32 bytes (config validation uses it too). */
export function decodeKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32 || key.toString('base64') !== base64.trim()) throw new Error('expected the base64 encoding of exactly 32 bytes');
  return key;
}

/** The short public name of a key that a sealed record carries: the first 8 hex digits of its SHA-256. */
export const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

/** A record sealed under a key this process was not given: loud, so that it never passes for readable data. */
export class UnknownPiiKeyError extends Error {
  override name = 'UnknownPiiKeyError';
  constructor(readonly keyId: string) {
    super(`personal data sealed under key ${keyId}, which is neither PII_ENCRYPTION_KEY nor one of PII_PREVIOUS_ENCRYPTION_KEYS`);
  }
}

export interface PiiProtector {
  /** The id of the key new records are sealed with. */
  readonly keyId: string;
  encrypt(data: PersonalData): string;
  decrypt(sealed: string): PersonalData;
  /** Whether a stored record is sealed under the current key (a `v2` record naming it). */
  isSealedWithCurrentKey(sealed: string): boolean;
  /** The keyed index of a national id under the current key: equal ids give equal indexes, and the index reveals nothing without the key. */
  blindIndex(nationalId: string): string;
  /** Every index a stored record of this id may carry: the current one first, then the previous key's while one is set. */
  blindIndexes(nationalId: string): string[];
  /** The keyed index of each word of a name under the current key (name-tokens.ts says why whole words). */
  nameIndex(fullName: string): string[];
  /** What a name search looks for: per index key (current first), the indexes of the words typed; a record must hold them all. */
  nameSearchIndexes(text: string): string[][];
}

/**
 * AES-256-GCM with a fresh 96-bit nonce per record; the stored form is `v2.<keyId>.<nonce>.<tag>.<ciphertext>`
 * (base64url; `v2.<keyId>` is authenticated data), so a tampered record fails to decrypt instead of yielding
 * wrong data, and a record names the key that reads it. `v1.<nonce>.<tag>.<ciphertext>` records, written
 * before keys had ids, are still read: whichever configured key authenticates them.
 */
export function piiProtector(keys: PiiKeys): PiiProtector {
  const previous = keys.previousEncryptionKeys ?? [];
  const blindKeys = [keys.blindIndexKey, ...(keys.previousBlindIndexKey ? [keys.previousBlindIndexKey] : [])];
  if ([keys.encryptionKey, ...previous, ...blindKeys].some((key) => key.length !== 32)) throw new Error('PII keys must be 32 bytes each');
  const keyId = keyIdOf(keys.encryptionKey);
  const readable = new Map([...previous, keys.encryptionKey].map((key) => [keyIdOf(key), key]));
  const indexUnder = (key: Buffer, nationalId: string) =>
    createHmac('sha256', key)
      .update(`national-id:${normaliseNationalId(nationalId)}`)
      .digest('hex');

  // Another label than the national id's, so that a name word and an id never share an index.
  const wordUnder = (key: Buffer, word: string) => createHmac('sha256', key).update(`name-word:${word}`).digest('hex');

  function open(key: Buffer, [nonce, tag, body]: string[], header?: string): PersonalData {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce!, 'base64url'));
    if (header) decipher.setAAD(Buffer.from(header));
    decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
    const text = Buffer.concat([decipher.update(Buffer.from(body!, 'base64url')), decipher.final()]).toString('utf8');
    return JSON.parse(text) as PersonalData;
  }

  /** A v1 record does not say which key sealed it: GCM's tag tells, current key first. */
  function openV1(parts: string[]): PersonalData {
    for (const key of [keys.encryptionKey, ...previous]) {
      try {
        return open(key, parts);
      } catch {
        // Not this key (or tampered): the next one, and a loud error after the last.
      }
    }
    throw new Error(
      'a v1 personal-data record that none of the configured keys opens (tampered, or sealed under a key no longer configured)',
    );
  }

  return {
    keyId,
    encrypt(data) {
      const header = `v2.${keyId}`;
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys.encryptionKey, nonce);
      cipher.setAAD(Buffer.from(header));
      const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
      return [header, nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(sealed) {
      const [version, ...parts] = sealed.split('.');
      if (version === 'v1' && parts.length === 3) return openV1(parts);
      if (version !== 'v2' || parts.length !== 4) throw new Error('not a sealed personal-data record');
      const [id, ...sealedParts] = parts;
      const key = readable.get(id!);
      if (!key) throw new UnknownPiiKeyError(id!);
      return open(key, sealedParts, `v2.${id}`);
    },
    isSealedWithCurrentKey: (sealed) => sealed.startsWith(`v2.${keyId}.`),
    blindIndex: (nationalId) => indexUnder(keys.blindIndexKey, nationalId),
    blindIndexes: (nationalId) => blindKeys.map((key) => indexUnder(key, nationalId)),
    nameIndex: (fullName) => nameWords(fullName).map((word) => wordUnder(keys.blindIndexKey, word)),
    nameSearchIndexes: (text) => {
      const words = nameWords(text);
      return words.length === 0 ? [] : blindKeys.map((key) => words.map((word) => wordUnder(key, word)));
    },
  };
}
