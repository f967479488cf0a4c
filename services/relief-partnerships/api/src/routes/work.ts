import { deskWork } from '@hamgam/agency-desk';
import { caps, countUpTo, hasAnyRole, inList, lessThan, notIn, readAll, workRoute, type WorkContext } from '@hamgam/service-kit';
import { basijLiaisons, desk, reliefOfficers, reliefReaders, type ReliefDeps } from '../deps.js';
import { overdueMilestones } from '../domain/projects.js';

/** A request still to decide (isUndecided in domain/support.ts): submitted, or its eligibility read but not decided. */
const undecided = ['submitted', 'eligible', 'ineligible'] as const;

/**
 * Open projects with a milestone past its day. The store narrows to open projects with any milestone due
 * before today (FerretDB's `$elemMatch` takes no field conditions, so "not done" is judged here, by the
 * domain's rule); Basij's projects are tens, read whole under the reference cap.
 */
async function lateProjects(deps: ReliefDeps, { today }: WorkContext): Promise<number> {
  const candidates = await readAll(
    deps.models.projects.find({ status: notIn(['completed']), 'milestones.dueOn': lessThan(today) }, { status: 1, milestones: 1 }).lean(),
    caps.reference,
  );
  return candidates.filter((project) => overdueMilestones(project, today).length > 0).length;
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
        officer ? countUpTo(deps.models.supportRequests, { state: inList(undecided) }) : 0,
        liaison ? lateProjects(deps, work) : 0,
      ]);
      return [
        ...fromDesk,
        ...(officer ? [{ kind: 'support-to-decide', count: toDecide, path: 'support' }] : []),
        ...(liaison ? [{ kind: 'projects-late', count: late, path: 'projects' }] : []),
      ];
    },
  }),
];
