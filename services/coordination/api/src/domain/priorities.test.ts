import { describe, expect, it } from 'vitest';
import { supersedes } from './priorities.js';

describe('supersedes', () => {
  it('accepts the first list and any newer version', () => {
    expect(supersedes({ listVersion: 1 }, null)).toBe(true);
    expect(supersedes({ listVersion: 3 }, { listVersion: 2 })).toBe(true);
  });

  it('ignores a replayed or older version', () => {
    expect(supersedes({ listVersion: 2 }, { listVersion: 2 })).toBe(false);
    expect(supersedes({ listVersion: 1 }, { listVersion: 2 })).toBe(false);
  });
});
