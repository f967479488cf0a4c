import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM sealing of a small JSON value, in the clinics' stored form `v2.<keyId>.<nonce>.<tag>.<ciphertext>`
 * (base64url; `v2.<keyId>` is authenticated data): a fresh 96-bit nonce per record, a tampered record fails to
 * open instead of yielding wrong data, and each record names the key that opens it, so the key can rotate
 * (new records under the current key, older ones read with the previous keys until they are re-sealed).
 */
export interface Sealer<T> {
  /** The id of the key new records are sealed with. */
  readonly keyId: string;
  seal(value: T): string;
  open(sealed: string): T;
  isSealedWithCurrentKey(sealed: string): boolean;
}

/** Decodes a base64 key and insists on 32 bytes (config validation uses it too). */
export function decodeKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32 || key.toString('base64') !== base64.trim()) throw new Error('expected the base64 encoding of exactly 32 bytes');
  return key;
}

/** The short public name of a key that a sealed record carries: the first 8 hex digits of its SHA-256 (as the clinics name theirs). */
export const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

export function sealer<T>(current: Buffer, previous: readonly Buffer[] = []): Sealer<T> {
  if ([current, ...previous].some((key) => key.length !== 32)) throw new Error('sealing keys must be 32 bytes each');
  const keyId = keyIdOf(current);
  const readable = new Map([...previous, current].map((key) => [keyIdOf(key), key]));
  return {
    keyId,
    seal(value) {
      const header = `v2.${keyId}`;
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, nonce);
      cipher.setAAD(Buffer.from(header));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return [header, nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, id, nonce, tag, body, ...rest] = sealed.split('.');
      if (version !== 'v2' || !id || !nonce || !tag || body === undefined || rest.length > 0) throw new Error('not a sealed record');
      const key = readable.get(id);
      // Loud, so that a record under a key this process was not given never passes for readable data.
      if (!key) throw new Error(`a record sealed under key ${id}, which is neither the current sealing key nor one of the previous ones`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
      decipher.setAAD(Buffer.from(`v2.${id}`));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')) as T;
    },
    isSealedWithCurrentKey: (sealed) => sealed.startsWith(`v2.${keyId}.`),
  };
}
