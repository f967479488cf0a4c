import { countUpTo, hasAnyRole, lessThan, notIn, type WorkContext, type WorkItem } from '@hamgam/service-kit';
import type { DeskModels } from '../data/models.js';
import type { DeskOptions } from '../options.js';

/**
 * The desk's part of the agency's "my work" (`GET /work`), for its own staff: referrals the clinics sent
 * that wait for an answer, referrals past their day (an answer or a completion due), the action items the
 * working group gave the agency that are still open, and commitments past their (revised) due day. The
 * rules are the desk's own (`isReferralOverdue`, `isCommitmentOverdue`) written as store filters, so each
 * is one bounded count. Coordinators and auditors only read the desk: nothing here waits for them.
 */
export async function deskWork(
  models: Pick<DeskModels, 'referrals' | 'commitments'>,
  options: DeskOptions,
  work: WorkContext,
): Promise<WorkItem[]> {
  if (!hasAnyRole(work.principal, options.roles)) return [];
  const { today } = work;
  const open = notIn(['delivered']);
  const [fresh, lateReferrals, assigned, lateCommitments] = await Promise.all([
    countUpTo(models.referrals, { state: 'received' }),
    countUpTo(models.referrals, {
      $or: [
        { state: 'received', respondBy: lessThan(today) },
        { state: 'accepted', completeBy: lessThan(today) },
      ],
    }),
    countUpTo(models.commitments, { source: 'working-group', status: open }),
    // The effective due day is the revised one when the commitment slipped with a new day.
    countUpTo(models.commitments, {
      status: open,
      $or: [{ revisedDueOn: lessThan(today) }, { revisedDueOn: null, dueOn: lessThan(today) }],
    }),
  ]);
  return [
    { kind: 'referrals-new', count: fresh, path: '?state=received' },
    { kind: 'referrals-overdue', count: lateReferrals, path: '?overdue=true' },
    { kind: 'action-items-open', count: assigned, path: 'commitments' },
    { kind: 'commitments-overdue', count: lateCommitments, path: 'commitments?overdue=true' },
  ];
}
