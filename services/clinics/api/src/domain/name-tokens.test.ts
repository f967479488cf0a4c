import { describe, expect, it } from 'vitest';
import { nameWords } from './name-tokens.js';

describe('name words', () => {
  it('reads the ways one name is typed as the same words', () => {
    expect(nameWords('علی‌رضا  كريمي')).toEqual(nameWords('عليرضا کریمی'));
    expect(nameWords('آمنه أحمدی')).toEqual(['امنه', 'احمدی']);
    expect(nameWords('Zahra AHMADI')).toEqual(['zahra', 'ahmadi']);
  });

  it('keeps each word once and leaves single letters out', () => {
    expect(nameWords('محمد محمد م. رضایی')).toEqual(['محمد', 'رضایی']);
    expect(nameWords('   ')).toEqual([]);
  });
});
