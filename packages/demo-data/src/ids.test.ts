import { trackingCodeSchema } from '@hamgam/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoTrackingCode } from './ids.js';

afterEach(() => vi.unstubAllEnvs());

describe('demo tracking codes', () => {
  it("follow the checkout's secret, so the live codes of a demo stack cannot be worked out from the source", () => {
    vi.stubEnv('HAMGAM_DEMO_SECRET', '');
    const publicCodes = [0, 1, 2].map(demoTrackingCode);
    vi.stubEnv('HAMGAM_DEMO_SECRET', 'one checkout');
    const mine = [0, 1, 2].map(demoTrackingCode);
    vi.stubEnv('HAMGAM_DEMO_SECRET', 'another checkout');
    const theirs = [0, 1, 2].map(demoTrackingCode);
    expect(mine.filter((code, i) => code === publicCodes[i])).toEqual([]);
    expect(mine.filter((code, i) => code === theirs[i])).toEqual([]);
  });

  it('are the same for every service of one checkout, in the format residents are given', () => {
    vi.stubEnv('HAMGAM_DEMO_SECRET', 'one checkout');
    const code = demoTrackingCode(7);
    expect(demoTrackingCode(7)).toBe(code);
    expect(trackingCodeSchema.safeParse(code).success).toBe(true);
  });
});
