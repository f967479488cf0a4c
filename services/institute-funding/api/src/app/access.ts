import { accessLogger } from '@hamgam/service-kit';
import type { StoredApplication } from '../data/applications.js';
import { agency } from '../deps.js';

/**
 * Logs awards whose funded households the caller saw or changed: one entry for each household and
 * resident the award's benefits name (the view shows the household; the benefit is the resident's seat,
 * so an auditor asking about either finds it). Why: no consent reached the office (TVTO's enrolment
 * events did), so the purpose is its own duty, funding institutes against verified outcomes.
 */
export const logAwardAccess = accessLogger<Pick<StoredApplication, '_id' | 'benefits'>>(agency, {
  kind: 'award',
  id: (a) => a._id,
  subjects: (a) => a.benefits.flatMap((b) => [b.householdRef, b.residentRef]),
  purpose: { value: 'institute-funding', source: 'route' },
});

/** Logs duplicate-benefit flags shown or settled, for the household each names, under the office's duplicate-benefit check. */
export const logFlagAccess = accessLogger<{ flagId: string; householdRef: string }>(agency, {
  kind: 'duplicate-flag',
  id: (f) => f.flagId,
  subjects: (f) => [f.householdRef],
  purpose: { value: 'duplicate-benefit-check', source: 'route' },
});
