import { causeOf } from '@hamgam/agency-desk';
import { caps, inList, readAll, systemClock } from '@hamgam/service-kit';
import { placementOutcome } from '../domain/apprenticeships.js';
import { referralOutcomeOf } from '../domain/enrolments.js';
import { agency, desk, type VtDeps } from '../deps.js';
import { closeReferral } from './courses.js';

type Outcome = 'achieved' | 'partly-achieved' | 'not-achieved';

/**
 * Completes the desk referrals whose answer TVTO already recorded — an ended enrolment or placement, a
 * held counselling session, a decided permit application — but which are still accepted because the
 * second write (the referral's completion) was interrupted. Runs at start-up, before requests and
 * events, like the desk's seat reconciliation; the relay's first sweep publishes what it completes.
 */
export async function closeAnsweredReferrals(startDeps: VtDeps): Promise<number> {
  const { models } = startDeps;
  const open = new Set(
    (await readAll(models.referrals.find({ state: 'accepted' }, { _id: 1 }).lean(), caps.agencyCaseload)).map((r) => r._id),
  );
  if (open.size === 0) return 0;
  const [enrolments, placements, sessions, permits] = await Promise.all([
    // Only the records answering an open referral (a trusted $in built here), bounded like the open set.
    readAll(models.enrolments.find({ referralId: inList([...open]) }, { referralId: 1, result: 1 }).lean(), caps.agencyCaseload),
    readAll(models.placements.find({ referralId: inList([...open]) }, { referralId: 1, state: 1, checks: 1 }).lean(), caps.agencyCaseload),
    readAll(models.sessions.find({ state: 'held', referralId: inList([...open]) }, { referralId: 1 }).lean(), caps.agencyCaseload),
    readAll(models.permits.find({ referralId: inList([...open]) }, { referralId: 1, decision: 1 }).lean(), caps.agencyCaseload),
  ]);
  const answers = new Map<string, Outcome>();
  for (const e of enrolments) if (e.referralId && e.result) answers.set(e.referralId, referralOutcomeOf(e.result));
  for (const p of placements) if (p.referralId && p.state !== 'active') answers.set(p.referralId, placementOutcome(p.state, p.checks));
  for (const s of sessions) if (s.referralId) answers.set(s.referralId, 'achieved');
  for (const p of permits)
    if (p.referralId && p.decision) answers.set(p.referralId, p.decision.decision === 'approved' ? 'achieved' : 'not-achieved');

  // The start-up has no request: the service's own pieces (its leases, since other replicas may be serving);
  // the relay's first sweep publishes what it completes.
  const deps: VtDeps = { ...startDeps, flushOutbox: () => undefined };
  const cause = causeOf(desk.options, agency, `reconcile-${systemClock.now().toISOString()}`);
  let closed = 0;
  for (const [referralId, outcome] of answers) {
    if (!open.has(referralId)) continue;
    await closeReferral(deps, referralId, outcome, cause);
    closed++;
  }
  return closed;
}
