import { describe, expect, it } from 'vitest';
import { fileNumberOf } from './file-number.js';

describe('a case’s file number', () => {
  it('is WF- and two groups of four from the tracking codes’ alphabet, the same for the same case', () => {
    const id = '1bd319fe-7c2a-4e11-9a0b-5f3c2d1e0a99';
    expect(fileNumberOf(id)).toMatch(/^WF-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(fileNumberOf(id)).toBe(fileNumberOf(id));
    expect(fileNumberOf(id)).not.toContain('1bd319fe');
  });

  it('differs between cases', () => {
    const ids = ['00000000-0000-4000-8000-000000000000', '00000000-0100-4000-8000-000000000000', 'ffffffff-ff00-4000-8000-000000000000'];
    expect(new Set(ids.map(fileNumberOf)).size).toBe(3);
  });
});
