import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeKey, piiProtector } from './pii.js';

const keys = { encryptionKey: randomBytes(32), blindIndexKey: randomBytes(32) };
const person = { nationalId: '0012345679', fullName: 'زهرا احمدی', phone: '09131234567' };

describe('personal data protection', () => {
  it('round-trips through AES-256-GCM and never stores the plain text', () => {
    const pii = piiProtector(keys);
    const sealed = pii.encrypt(person);
    expect(sealed).not.toContain('0012345679');
    expect(sealed).not.toContain('09131234567');
    expect(Buffer.from(sealed.split('.')[3]!, 'base64url').toString('utf8')).not.toContain('احمدی');
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
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => pii.decrypt([...parts.slice(0, 3), body.toString('base64url')].join('.'))).toThrow();
    const other = piiProtector({ encryptionKey: randomBytes(32), blindIndexKey: keys.blindIndexKey });
    expect(() => other.decrypt(sealed)).toThrow();
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
  });
});
