import { deskWork } from '@hamgam/agency-desk';
import { after, caps, hasAnyRole, inList, lessThan, notIn, readAll, tally, workRoute, type WorkContext } from '@hamgam/service-kit';
import { basijLiaisons, desk, reliefOfficers, reliefReaders, type ReliefDeps } from '../deps.js';
import { overdueMilestones } from '../domain/projects.js';

/** A request still to decide (isUndecided in domain/support.ts): submitted, or its eligibility read but not decided. */
const undecided = ['submitted', 'eligible', 'ineligible'] as const;

/**
 * Open projects with a milestone past its day. The store narrows to open projects with any milestone due
 * before today (FerretDB's `$elemMatch` takes no field conditions, so "not done" is judged here, by the
 * domain's rule); Basij's projects are tens, read whole under the reference cap.
 */
async function lateProjects(deps: ReliefDeps, { today, since }: WorkContext): Promise<{ count: number; fresh?: number }> {
  const candidates = await readAll(
    deps.models.projects.find({ status: notIn(['completed']), 'milestones.dueOn': lessThan(today) }, { status: 1, milestones: 1 }).lean(),
    caps.reference,
  );
  const late = candidates.map((project) => overdueMilestones(project, today)).filter((milestones) => milestones.length > 0);
  if (!since) return { count: late.length };
  // New since the last look: a milestone due on or after its day (late from the next day) is among the late ones.
  return { count: late.length, fresh: late.filter((milestones) => milestones.some((m) => m.dueOn >= since.day)).length };
}

/**
 * Relief and Basij's "my work" for the shell's home and bell: the desk's referrals and commitments (both
 * partners' staff answer the desk), the support requests waiting for a Relief officer's decision, and for
 * Basij's liaison the projects with a milestone past its day. Coordinators and auditors only read.
 */
export const workRoutes = (deps: ReliefDeps) => [
  workRoute({
    roles: reliefReaders,
    clock: deps.clock,
    items: async (work) => {
      const { principal } = work;
      const officer = hasAnyRole(principal, reliefOfficers);
      const liaison = hasAnyRole(principal, basijLiaisons);
      if (!officer && !liaison) return [];
      const [fromDesk, toDecide, late] = await Promise.all([
        deskWork(deps.models, desk.options, work),
        officer
          ? tally(deps.models.supportRequests, work, { state: inList(undecided) }, (since) => ({
              state: inList(undecided),
              submittedAt: after(since.at),
            }))
          : null,
        liaison ? lateProjects(deps, work) : null,
      ]);
      return [
        ...fromDesk,
        ...(toDecide ? [{ kind: 'support-to-decide', ...toDecide, path: 'support' }] : []),
        ...(late ? [{ kind: 'projects-late', ...late, path: 'projects' }] : []),
      ];
    },
  }),
];
