import type { SupportRequest, SupportRequestPage } from './api';

// What the module's tests are served for a support request (the API's shapes).

/** An eligible micro-loan request as the API answers it. */
export const request: SupportRequest = {
  requestId: '11111111-1111-4111-8111-111111111111',
  requestNumber: 'RL-K7QM-3XWA',
  trackingCode: null,
  referralId: null,
  unverified: false,
  residentRef: '22222222-2222-4222-8222-222222222222',
  householdRef: '33333333-3333-4333-8333-333333333333',
  neighbourhoodId: 'nbh-sarasiab',
  kind: 'micro-loan',
  purpose: 'income-support',
  requestedRials: 300_000_000,
  businessPlan: 'خیاطی خانگی',
  meansTest: 'not-done',
  state: 'eligible',
  status: 'eligible',
  assessment: {
    eligible: true,
    reasons: ['certificate', 'welfare-flag', 'means-test-not-done'],
    validFlags: ['low-income'],
    at: '2026-06-01T08:00:00Z',
  },
  decision: null,
  disbursement: null,
  schedule: null,
  arrears: null,
  repayments: [],
  followUps: [],
  duplicateBenefits: 1,
  submittedAt: '2026-06-01T08:00:00Z',
};
/** The same request's page: the facts behind its eligibility and the household's prior benefits. */
export const page: SupportRequestPage = {
  ...request,
  facts: {
    certificates: [{ enrolmentId: 'e1', trade: 'tailoring', certificateNo: 'TVTO-1405-77', completedAt: '2026-05-01T08:00:00Z' }],
    flags: [{ flagId: 'f1', flag: 'low-income', validUntil: '2026-12-01', revokedAt: null, status: 'valid' }],
  },
  eligibleToday: { eligible: true, reasons: ['certificate', 'welfare-flag', 'means-test-not-done'], validFlags: ['low-income'] },
  priorBenefits: [
    {
      benefitId: 'b1',
      source: 'institute-funding',
      householdRef: request.householdRef,
      purpose: 'income-support',
      amountRials: 80_000_000,
      grantedAt: '2026-03-01T08:00:00Z',
      requestId: null,
      requestNumber: null,
    },
  ],
};
