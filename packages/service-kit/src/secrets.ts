import { z } from 'zod';

// Keys of sealed personal data, given as base64 of 32 random bytes, and the rule that demo values (the
// broker's guest account, a store without credentials, keys that are readable text) never reach a
// production deployment: loadConfig refuses them when NODE_ENV=production.

const key32Message = 'must be the base64 encoding of exactly 32 bytes (e.g. `head -c 32 /dev/urandom | base64`)';

/** Decodes a base64 key and insists on 32 bytes. */
export function decodeKey32(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32 || key.toString('base64') !== base64.trim()) throw new Error('expected the base64 encoding of exactly 32 bytes');
  return key;
}

const isKey32 = (value: string) => {
  try {
    decodeKey32(value);
    return true;
  } catch {
    return false;
  }
};

/** One key setting (e.g. PII_ENCRYPTION_KEY). */
export const key32Schema = z.string().refine(isKey32, key32Message);

/** Comma-separated keys (a rotation keeps older ones readable); empty means none, like unset. */
export const key32ListSchema = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean),
  )
  .refine((keys) => keys.every(isKey32), `each comma-separated key ${key32Message}`);

const loopback = (host: string) => host === 'localhost' || host === '[::1]' || host.startsWith('127.');
/** Random bytes are almost never all printable (about 1 in 10¹⁴ for 32 bytes); a demo key is a sentence. */
const readable = (key: Buffer) => key.every((byte) => byte >= 0x20 && byte < 0x7f);

/** What in a parsed configuration is a demo value, one line per setting (empty when none). */
export function demoSecretsIn(config: Record<string, unknown>): string[] {
  const found: string[] = [];
  const amqp = typeof config['AMQP_URL'] === 'string' && URL.canParse(config['AMQP_URL']) ? new URL(config['AMQP_URL']) : undefined;
  if (amqp && amqp.username === 'guest' && amqp.password === 'guest' && !loopback(amqp.hostname)) {
    found.push("AMQP_URL: the broker's default guest account on another host; give the services a user of their own");
  }
  // Not parsed as a URL: a replica set's URL lists several hosts, which URL refuses.
  const mongo = typeof config['MONGO_URL'] === 'string' ? /^mongodb(?:\+srv)?:\/\/(?:([^@/]*)@)?([^/?]+)/.exec(config['MONGO_URL']) : null;
  const mongoHosts = mongo?.[2]?.split(',').map((host) => host.replace(/:\d+$/, '')) ?? [];
  if (mongo && !mongo[1] && !mongoHosts.every(loopback)) found.push('MONGO_URL: a store on another host without credentials');
  for (const [name, value] of Object.entries(config)) {
    if (!/_KEYS?$/.test(name)) continue;
    const keys = (Array.isArray(value) ? value : [value]).filter((key): key is string => typeof key === 'string' && isKey32(key));
    if (keys.some((key) => readable(decodeKey32(key)))) found.push(`${name}: readable text, not random bytes (a demo key)`);
  }
  return found;
}
