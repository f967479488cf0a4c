// The contract enums the desk's screens show, kept here so the remote bundles carry no zod
// (vocabulary.test.ts checks they equal @hamgam/contracts').
export const offerKinds = [
  'course',
  'counselling',
  'apprenticeship',
  'workshop-permit',
  'micro-loan',
  'grant',
  'equipment',
  'social-care',
  'construction',
] as const;
export const needCategories = [
  'employment',
  'skills-training',
  'workshop-space',
  'income-support',
  'housing-repair',
  'social-care',
] as const;
export const referralStates = ['received', 'accepted', 'declined', 'completed', 'withdrawn'] as const;
export const declineReasons = ['not-eligible', 'no-capacity', 'duplicate-benefit', 'unreachable', 'declined-by-resident'] as const;
export const referralOutcomes = ['achieved', 'partly-achieved', 'not-achieved'] as const;
export const withdrawReasons = ['consent-withdrawn', 'resident-request', 'duplicate'] as const;
export const commitmentStatuses = ['planned', 'in-progress', 'delivered', 'slipped'] as const;

export type OfferKind = (typeof offerKinds)[number];
export type NeedCategory = (typeof needCategories)[number];
export type ReferralState = (typeof referralStates)[number];
export type DeclineReason = (typeof declineReasons)[number];
export type ReferralOutcome = (typeof referralOutcomes)[number];
export type CommitmentStatus = (typeof commitmentStatuses)[number];
