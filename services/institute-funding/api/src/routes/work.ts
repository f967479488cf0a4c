import { deskWork } from '@hamgam/agency-desk';
import { after, hasAnyRole, inList, tally, workRoute } from '@hamgam/service-kit';
import { desk, officers, readers, type FundingDeps } from '../deps.js';

/** Applications whose next step is the office's: to take up for review, or reviewed and waiting for a decision. */
const toReview = ['submitted', 'under-review'] as const;

/**
 * The fund office's "my work" for the shell's home and bell: the desk's referrals and commitments, and the
 * institutes' applications to calls still waiting for the office. Coordinators and auditors only read.
 */
export const workRoutes = (deps: FundingDeps) => [
  workRoute({
    roles: readers,
    clock: deps.clock,
    items: async (work) => {
      if (!hasAnyRole(work.principal, officers)) return [];
      const [fromDesk, applications] = await Promise.all([
        deskWork(deps.models, desk.options, work),
        // Asked `since`: those submitted after it.
        tally(deps.models.applications, work, { state: inList(toReview) }, (since) => ({
          state: inList(toReview),
          submittedAt: after(since.at),
        })),
      ]);
      return [...fromDesk, { kind: 'applications-to-review', ...applications, path: 'calls' }];
    },
  }),
];
