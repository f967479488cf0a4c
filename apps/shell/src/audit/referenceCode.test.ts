import { describe, expect, it } from 'vitest';
import { normaliseCode, referenceCode } from './referenceCode';

describe('referenceCode', () => {
  const id = 'b3d3d14e-266f-49a2-8f5e-dd00bc1026ce';

  it('is a short code of Crockford letters, never a piece of the id', () => {
    const code = referenceCode(id);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(id.toUpperCase()).not.toContain(code.replace('-', '').slice(0, 4));
  });

  it('is the same for the same id and differs between ids', () => {
    expect(referenceCode(id)).toBe(referenceCode(id));
    const codes = new Set(Array.from({ length: 2000 }, (_, n) => referenceCode(`${id.slice(0, -4)}${String(n).padStart(4, '0')}`)));
    expect(codes.size).toBe(2000);
  });

  it('reads a typed code whatever its case or dash', () => {
    expect(normaliseCode(' 7k3m-9qx2 ')).toBe('7K3M9QX2');
  });
});
