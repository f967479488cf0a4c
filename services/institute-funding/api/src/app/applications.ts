import { dayOf } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { caps, isDuplicateKey, outboxEntries, pageOf, readAll, type EventCause, type PageContext } from '@hamgam/service-kit';
import { IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import { applicationsCollection, type GrantedBenefit, type StoredApplication } from '../data/applications.js';
import { callsCollection } from '../data/calls.js';
import { checkApplication, stepApplication, type ApplicationRequest } from '../domain/applications.js';
import { planTranches, type AwardTerms } from '../domain/awards.js';
import { awardedFrom, checkWithinBudget } from '../domain/calls.js';
import { agency, type FundingDeps } from '../deps.js';
import { postCall } from './ledger.js';

/** Records an institute's application to an open call (one per institute and call). */
export async function submitApplication(deps: FundingDeps, callId: string, instituteId: string, request: ApplicationRequest, by: string) {
  const [call, institute] = await Promise.all([
    deps.models.calls.findById(callId).lean(),
    deps.models.institutes.findById(instituteId).lean(),
  ]);
  if (!call) throw new NotFoundError('call-not-found', `no call ${callId}`);
  if (!institute) throw new NotFoundError('institute-not-found', `no institute ${instituteId}`);
  const now = deps.clock.now();
  checkApplication({ ...call, callId }, { ...institute, instituteId }, request, dayOf(now));
  const application: Omit<StoredApplication, 'outbox'> = {
    _id: randomUUID(),
    callId,
    instituteId,
    ...request,
    state: 'submitted',
    submittedAt: now,
    recordedBy: by,
    reviewStartedAt: null,
    decidedAt: null,
    decidedBy: null,
    rejectionReason: null,
    award: null,
    benefits: [],
    revision: 1,
  };
  try {
    await deps.models.applications.create({ ...application, outbox: [] });
  } catch (error) {
    if (isDuplicateKey(error))
      throw new IllegalStepError('application-exists', `institute ${instituteId} has applied to this call already`);
    throw error;
  }
  return application;
}

type Change = Partial<Omit<StoredApplication, '_id' | 'outbox' | 'revision' | 'benefits'>>;

/**
 * Reads an application (or its award: `kind` names what the caller asked for), lets `decide` compute its
 * change, and stores it only if nobody changed the document meanwhile (revision compare-and-set), with its
 * events in the same write.
 */
export async function changeApplication(
  deps: FundingDeps,
  id: string,
  decide: (
    stored: Omit<StoredApplication, 'outbox'>,
  ) => Promise<{ set: Change; benefits?: GrantedBenefit[]; events?: { type: string; data: unknown }[]; cause?: EventCause }>,
  kind: 'application' | 'award' = 'application',
) {
  const { applications } = deps.models;
  const result = await deps.locks.run(applicationsCollection, id, async () => {
    const stored = await applications.findById(id, { outbox: 0 }).lean();
    if (!stored) throw new NotFoundError(`${kind}-not-found`, `no ${kind} ${id}`);
    const { set, benefits = [], events = [], cause } = await decide(stored);
    const push: Record<string, unknown> = {};
    if (benefits.length > 0) push['benefits'] = { $each: benefits };
    if (events.length > 0)
      push['outbox'] = {
        $each: outboxEntries(
          agency,
          cause!,
          events.map((e) => ({ ...e, version: 1 })),
        ),
      };
    const written = await applications.updateOne(
      { _id: id, revision: stored.revision },
      { $set: { ...set, revision: stored.revision + 1 }, ...(Object.keys(push).length > 0 ? { $push: push } : {}) },
    );
    if (written.matchedCount !== 1)
      throw new IllegalStepError('application-changed-meanwhile', `application ${id} changed meanwhile; reload it`);
    return { ...stored, ...set, benefits: [...stored.benefits, ...benefits], revision: stored.revision + 1, hadEvents: events.length > 0 };
  });
  const { hadEvents, ...application } = result;
  if (hadEvents) deps.flushOutbox([id]);
  return application;
}

export const startReview = (deps: FundingDeps, id: string) =>
  changeApplication(deps, id, async (stored) => ({
    set: { state: stepApplication(stored.state, 'review'), reviewStartedAt: deps.clock.now() },
  }));

export const rejectApplication = (deps: FundingDeps, id: string, reason: string, by: string) =>
  changeApplication(deps, id, async (stored) => ({
    set: { state: stepApplication(stored.state, 'reject'), rejectionReason: reason, decidedAt: deps.clock.now(), decidedBy: by },
  }));

/**
 * Awards an application under review: the tranche plan splits the amount, and the call's awards may not
 * exceed its budget (serialised per call, so two awards cannot both take its last rials). The award's
 * posting moves the amount from the call's budget into the award's commitment.
 */
export async function awardApplication(deps: FundingDeps, id: string, terms: AwardTerms, by: string) {
  const application = await deps.models.applications.findById(id, { callId: 1 }).lean();
  if (!application) throw new NotFoundError('application-not-found', `no application ${id}`);
  const callId = application.callId;
  const awarded = await deps.locks.run(callsCollection, callId, async () => {
    const call = await deps.models.calls.findById(callId).lean();
    if (!call) throw new NotFoundError('call-not-found', `no call ${callId}`);
    const others = await readAll(deps.models.applications.find({ callId, state: 'awarded' }, { award: 1 }).lean(), caps.reference);
    return changeApplication(deps, id, async (stored) => {
      const state = stepApplication(stored.state, 'award');
      const tranches = planTranches(terms, stored);
      checkWithinBudget(call, awardedFrom(others.map((o) => o.award!)), terms.amountRials);
      const now = deps.clock.now();
      return {
        set: {
          state,
          decidedAt: now,
          decidedBy: by,
          award: {
            amountRials: terms.amountRials,
            seats: terms.seats,
            neighbourhoodIds: call.neighbourhoodIds,
            status: 'active',
            tranches,
            awardedAt: now,
            awardedBy: by,
            cancelledAt: null,
            cancelReason: null,
          },
        },
      };
    });
  });
  await postCall(deps, callId);
  return awarded;
}

/** One page of applications (oldest first), optionally of one call or in one state. */
export async function applicationsView(deps: FundingDeps, filter: { callId?: string; state?: string }, page: PageContext) {
  const query: Record<string, string> = {};
  if (filter.callId) query['callId'] = filter.callId;
  if (filter.state) query['state'] = filter.state;
  return pageOf(deps.models.applications.find(query, { outbox: 0 }).lean(), page, page.res, { by: 'submittedAt', order: 1 });
}
