import { describe, expect, it } from 'vitest';
import { visibleModules } from './config';
import { testModules } from './testModules';

describe('visibleModules', () => {
  it('keeps the modules whose roles intersect the user roles', () => {
    expect(visibleModules(testModules, ['clinic-worker']).map((m) => m.name)).toEqual(['clinics']);
    expect(visibleModules(testModules, ['representative']).map((m) => m.name)).toEqual(['clinics', 'coordination']);
    expect(visibleModules(testModules, ['coordinator']).map((m) => m.name)).toEqual(['clinics', 'welfare', 'coordination']);
    expect(visibleModules(testModules, ['tvto-staff'])).toEqual([]);
  });
});
