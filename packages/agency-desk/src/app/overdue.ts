import { lessThan, notIn } from '@hamgam/service-kit';
import mongoose from 'mongoose';

/**
 * The desk's "overdue" rules in the store's form — the same as the domain's `isReferralOverdue` and
 * `isCommitmentOverdue` — so the home's counts (`GET /work`), the lists filtered by `overdue` and each row's
 * `overdue` flag read one truth, and a filtered page is never short. `today` is Iran's day (Tehran's midnight
 * turns it), from `@hamgam/contracts/days`.
 */

/** `{ $gte: value }`, built here (never from a request), so sanitizeFilter lets it through. */
const atLeast = (value: string) => mongoose.trusted({ $gte: value }) as unknown as string;

/** Referrals whose day matches `day` (a day or a condition on it): an answer due, or a completion due. */
export const referralsDue = (day: string) => ({
  $or: [
    { state: 'received' as const, respondBy: day },
    { state: 'accepted' as const, completeBy: day },
  ],
});

/** Still waiting for an answer after its day, or accepted and not completed after its day. */
export const overdueReferrals = (today: string) => referralsDue(lessThan(today));

/** The opposite: answered for good, or still within its day. */
export const notOverdueReferrals = (today: string) => ({
  $or: [{ state: notIn(['received', 'accepted'] as const) }, ...referralsDue(atLeast(today)).$or],
});

/** Commitments still to do: every status but delivered (the list's `status=open`, the home's open action items). */
export const openCommitment = notIn(['delivered'] as const);

/** Commitments not delivered whose effective due day (the revised one after a slip, else the agreed one) matches `day`. */
export const commitmentsDue = (day: string) => ({
  status: openCommitment,
  $or: [{ revisedDueOn: day }, { revisedDueOn: null, dueOn: day }],
});

/** Not delivered, and its effective due day has passed. */
export const overdueCommitments = (today: string) => commitmentsDue(lessThan(today));

/** The opposite: delivered, or still within its effective due day. */
export const notOverdueCommitments = (today: string) => ({
  $or: [{ status: 'delivered' as const }, { revisedDueOn: atLeast(today) }, { revisedDueOn: null, dueOn: atLeast(today) }],
});
