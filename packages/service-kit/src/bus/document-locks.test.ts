import { describe, expect, it } from 'vitest';
import { DocumentLocks } from './document-locks.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('DocumentLocks', () => {
  it('runs writes to one document one after another, others in parallel', async () => {
    const locks = new DocumentLocks(null);
    const log: string[] = [];
    const write = (id: string, name: string) =>
      locks.run('lists', id, async () => {
        log.push(`${name} start`);
        await tick();
        log.push(`${name} end`);
      });
    await Promise.all([write('a', 'a1'), write('a', 'a2'), write('b', 'b1')]);
    expect(log.indexOf('a1 end')).toBeLessThan(log.indexOf('a2 start'));
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });

  it('keeps going after a failed write and passes its error to the caller', async () => {
    const locks = new DocumentLocks(null);
    await expect(locks.run('lists', 'a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(locks.run('lists', 'a', async () => 42)).resolves.toBe(42);
  });
});
