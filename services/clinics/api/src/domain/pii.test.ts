import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sealV1 } from '../testing/pii-v1.js';
import { decodeKey, keyIdOf, piiProtector, UnknownPiiKeyError } from './pii.js';

const keys = { encryptionKey: randomBytes(32), blindIndexKey: randomBytes(32) };
const person = { nationalId: '0012345679', fullName: 'زهرا احمدی', phone: '09131234567' };

describe('personal data protection', () => {
  it('round-trips through AES-256-GCM and never stores the plain text', () => {
    const pii = piiProtector(keys);
    const sealed = pii.encrypt(person);
    expect(sealed).not.toContain('0012345679');
    expect(sealed).not.toContain('09131234567');
    expect(Buffer.from(sealed.split('.')[4]!, 'base64url').toString('utf8')).not.toContain('احمدی');
    expect(pii.decrypt(sealed)).toEqual(person);
  });

  it('seals the same data differently each time (fresh nonce)', () => {
    const pii = piiProtector(keys);
    expect(pii.encrypt(person)).not.toBe(pii.encrypt(person));
  });

  it('refuses a tampered record and a record sealed with another key', () => {
    const pii = piiProtector(keys);
    const sealed = pii.encrypt(person);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => pii.decrypt([...parts.slice(0, 4), body.toString('base64url')].join('.'))).toThrow();
    const other = piiProtector({ encryptionKey: randomBytes(32), blindIndexKey: keys.blindIndexKey });
    expect(() => other.decrypt(sealed)).toThrow();
  });

  it('names the current key in every new seal: v2, then the first 8 hex digits of the key’s SHA-256', () => {
    const pii = piiProtector(keys);
    const keyId = createHash('sha256').update(keys.encryptionKey).digest('hex').slice(0, 8);
    expect(pii.keyId).toBe(keyId);
    expect(keyIdOf(keys.encryptionKey)).toBe(keyId);
    const sealed = pii.encrypt(person);
    expect(sealed.split('.').slice(0, 2)).toEqual(['v2', keyId]);
    expect(pii.isSealedWithCurrentKey(sealed)).toBe(true);
  });

  it('reads records sealed under a previous key, and seals anew under the current one', () => {
    const old = piiProtector(keys);
    const sealedOld = old.encrypt(person);
    const rotated = piiProtector({
      ...keys,
      encryptionKey: randomBytes(32),
      previousEncryptionKeys: [randomBytes(32), keys.encryptionKey],
    });
    expect(rotated.decrypt(sealedOld)).toEqual(person);
    expect(rotated.isSealedWithCurrentKey(sealedOld)).toBe(false);
    const resealed = rotated.encrypt(rotated.decrypt(sealedOld));
    expect(resealed.split('.')[1]).toBe(rotated.keyId);
    expect(rotated.isSealedWithCurrentKey(resealed)).toBe(true);
    expect(() => old.decrypt(resealed)).toThrow(UnknownPiiKeyError);
  });

  it('reads v1 records (written before keys had ids) under the current or a previous key; never counts them current', () => {
    const previousKey = randomBytes(32);
    const pii = piiProtector({ ...keys, previousEncryptionKeys: [previousKey] });
    expect(pii.decrypt(sealV1(person, keys.encryptionKey))).toEqual(person);
    expect(pii.decrypt(sealV1(person, previousKey))).toEqual(person);
    expect(pii.isSealedWithCurrentKey(sealV1(person, keys.encryptionKey))).toBe(false);
    expect(() => pii.decrypt(sealV1(person, randomBytes(32)))).toThrow(/v1 .*none of the configured keys/);
  });

  it('refuses a record sealed under a key it was not given, naming that key id', () => {
    const retired = randomBytes(32);
    const sealed = piiProtector({ ...keys, encryptionKey: retired }).encrypt(person);
    const pii = piiProtector(keys);
    expect(() => pii.decrypt(sealed)).toThrow(UnknownPiiKeyError);
    expect(() => pii.decrypt(sealed)).toThrow(new RegExp(`key ${keyIdOf(retired)}\\b`));
  });

  it('authenticates the key id: a record relabelled with another configured key’s id fails', () => {
    const other = randomBytes(32);
    const pii = piiProtector({ ...keys, previousEncryptionKeys: [other] });
    const parts = piiProtector({ ...keys, encryptionKey: other })
      .encrypt(person)
      .split('.');
    expect(() => pii.decrypt(['v2', pii.keyId, ...parts.slice(2)].join('.'))).toThrow();
  });

  it('looks a national id up under the current index first, then the previous key’s while one is set', () => {
    const previousBlindIndexKey = randomBytes(32);
    const before = piiProtector({ ...keys, blindIndexKey: previousBlindIndexKey });
    const rotated = piiProtector({ ...keys, previousBlindIndexKey });
    expect(rotated.blindIndexes('0012345679')).toEqual([rotated.blindIndex('0012345679'), before.blindIndex('0012345679')]);
    expect(piiProtector(keys).blindIndexes('0012345679')).toEqual([piiProtector(keys).blindIndex('0012345679')]);
  });

  it('gives equal blind indexes for the same id however it was typed, and different ones otherwise', () => {
    const pii = piiProtector(keys);
    expect(pii.blindIndex('0012345679')).toBe(pii.blindIndex('۰۰۱۲۳۴۵۶۷۹'));
    expect(pii.blindIndex('0012345679')).toBe(pii.blindIndex('001-234567-9'));
    expect(pii.blindIndex('0012345679')).not.toBe(pii.blindIndex('0000000019'));
    expect(pii.blindIndex('0012345679')).toMatch(/^[0-9a-f]{64}$/);
    expect(pii.blindIndex('0012345679')).not.toContain('0012345679');
  });

  it('keys the index: another key gives another index for the same id', () => {
    const a = piiProtector(keys);
    const b = piiProtector({ encryptionKey: keys.encryptionKey, blindIndexKey: randomBytes(32) });
    expect(a.blindIndex('0012345679')).not.toBe(b.blindIndex('0012345679'));
  });

  it('accepts only base64 keys of exactly 32 bytes', () => {
    const good = randomBytes(32).toString('base64');
    expect(decodeKey(good)).toHaveLength(32);
    expect(() => decodeKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
    expect(() => decodeKey('not base64!')).toThrow();
    expect(() => piiProtector({ encryptionKey: randomBytes(16), blindIndexKey: randomBytes(32) })).toThrow();
    expect(() => piiProtector({ ...keys, previousEncryptionKeys: [randomBytes(16)] })).toThrow();
  });
});
