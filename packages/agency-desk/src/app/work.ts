import { after, between, hasAnyRole, tally, type WorkContext, type WorkItem } from '@hamgam/service-kit';
import type { DeskModels } from '../data/models.js';
import type { DeskOptions } from '../options.js';
import { commitmentsDue, openCommitment as open, overdueCommitments, overdueReferrals, referralsDue } from './overdue.js';

/**
 * The desk's part of the agency's "my work" (`GET /work`), for its own staff: referrals the clinics sent
 * that wait for an answer, referrals past their day (an answer or a completion due), the action items the
 * working group gave the agency that are still open, and commitments past their (revised) due day. The
 * rules are the desk's own (`isReferralOverdue`, `isCommitmentOverdue`) written as store filters in
 * ./overdue.ts — the ones the lists' `overdue=true` filter by, so a count and the list its link opens agree.
 * Each is one bounded count; asked `since`, each also says how many arrived (or fell due) after it.
 * Coordinators and auditors only read the desk: nothing here waits for them.
 */
export async function deskWork(
  models: Pick<DeskModels, 'referrals' | 'commitments'>,
  options: DeskOptions,
  work: WorkContext,
): Promise<WorkItem[]> {
  if (!hasAnyRole(work.principal, options.roles)) return [];
  const { today } = work;
  // Late when due before today; fell due since `since` when due on or after its day.
  const [fresh, late, assigned, overdue] = await Promise.all([
    tally(models.referrals, work, { state: 'received' }, (since) => ({ state: 'received', receivedAt: after(since.at) })),
    tally(models.referrals, work, overdueReferrals(today), (since) => referralsDue(between(since.day, today))),
    tally(models.commitments, work, { source: 'working-group', status: open }, (since) => ({
      source: 'working-group',
      status: open,
      declaredAt: after(since.at),
    })),
    tally(models.commitments, work, overdueCommitments(today), (since) => commitmentsDue(between(since.day, today))),
  ]);
  return [
    { kind: 'referrals-new', ...fresh, path: '?state=received' },
    { kind: 'referrals-overdue', ...late, path: '?overdue=true' },
    { kind: 'action-items-open', ...assigned, path: 'commitments?source=working-group&status=open' },
    { kind: 'commitments-overdue', ...overdue, path: 'commitments?overdue=true' },
  ];
}
