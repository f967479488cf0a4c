import { deskWork } from '@hamgam/agency-desk';
import { after, hasAnyRole, notIn, tally, workRoute } from '@hamgam/service-kit';
import { caseWorkers, desk, summaryReaders, type WelfareDeps } from '../deps.js';

/**
 * Welfare's "my work" for the shell's home and bell: the desk's referrals and commitments, and the open
 * cases in the caller's own caseload (a case worker sees only theirs). Coordinators and auditors read the
 * numbers elsewhere; nothing here waits for them.
 */
export const workRoutes = (deps: WelfareDeps) => [
  workRoute({
    roles: summaryReaders,
    clock: deps.clock,
    items: async (work) => {
      if (!hasAnyRole(work.principal, caseWorkers)) return [];
      const mine = { worker: work.principal.username, state: notIn(['closed']) };
      const [fromDesk, caseload] = await Promise.all([
        deskWork(deps.models, desk.options, work),
        // Asked `since`: the cases opened into the caseload after it.
        tally(deps.models.cases, work, mine, (since) => ({ ...mine, openedAt: after(since.at) })),
      ]);
      return [...fromDesk, { kind: 'cases-open', ...caseload, path: 'cases' }];
    },
  }),
];
