import { randomBytes, randomUUID } from 'node:crypto';
import type { WorkshopPermitIssuedV1 } from '@hamgam/contracts';
import { type EventCause, type EventDraft, isDuplicateKey, outboxEntries } from '@hamgam/service-kit';
import { IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import { applicantSealer } from '../config.js';
import { tvtoCollections } from '../data/models.js';
import type { PermitInspection, StoredPermit } from '../data/permits.js';
import { decide, inspect, permitNumberOf, renew, updateChecklist, type ChecklistItem } from '../domain/permits.js';
import { agency, type VtDeps } from '../deps.js';
import { closeReferral } from './courses.js';
import { acceptedReferral } from './referrals.js';
import { refsVerifiedOf, unverifiedNote } from './refs.js';

const trackingAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A code the applicant follows the application with on the public page (the contract's format). */
export function newTrackingCode(random: (size: number) => Uint8Array = randomBytes): string {
  const chars = [...random(8)].map((byte) => trackingAlphabet[byte % trackingAlphabet.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

export interface PermitApplication {
  referralId: string | null;
  residentRef: string | null;
  applicantName: string | null;
  trade: string;
  neighbourhoodId: string;
  address: string;
}

/**
 * A new application with its own tracking code (a clash with an existing code draws another). From a
 * referral the desk accepted for a workshop-permit offer, the applicant is the referral's resident.
 */
export async function submitPermit(deps: VtDeps, input: PermitApplication, by: string): Promise<StoredPermit> {
  const now = deps.clock.now();
  let application = input;
  if (input.referralId) {
    const referral = await acceptedReferral(deps, input.referralId, { kind: 'workshop-permit' });
    if (await deps.models.permits.exists({ referralId: input.referralId }))
      throw new IllegalStepError('referral-has-application', `referral ${input.referralId} has an application already`);
    application = { ...input, residentRef: referral.residentRef };
  }
  const { applicantName, address, ...facts } = application;
  const applicant = applicantSealer(deps.config).seal({ name: applicantName, address });
  // Kept even for a ref no clinic gave TVTO, marked unverified (refsVerified false) for staff to check.
  const refsVerified = facts.referralId !== null || (await refsVerifiedOf(deps, facts.residentRef));
  const submitted = { status: 'submitted', at: now, by, ...(refsVerified ? {} : { note: unverifiedNote }) };
  for (let attempt = 0; attempt < 5; attempt++) {
    const permit: StoredPermit = {
      _id: randomUUID(),
      trackingCode: newTrackingCode(),
      ...facts,
      refsVerified,
      applicant,
      status: 'submitted',
      checklist: [],
      inspection: null,
      decision: null,
      permitNo: null,
      validUntil: null,
      renewals: [],
      history: [submitted],
      submittedAt: now,
      updatedAt: now,
      outbox: [],
    };
    try {
      await deps.models.permits.create(permit);
      return permit;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new IllegalStepError('tracking-code-unavailable', 'could not draw a free tracking code; try again');
}

const issued = (permit: StoredPermit, permitNo: string, validUntil: string, at: Date): EventDraft<WorkshopPermitIssuedV1> => ({
  type: `${agency}.permit.issued`,
  version: 1,
  data: {
    permitId: permit._id,
    permitNo,
    trade: permit.trade,
    neighbourhoodId: permit.neighbourhoodId,
    residentRef: permit.residentRef,
    validUntil,
    issuedAt: at.toISOString(),
  },
});

type PermitStep =
  | { kind: 'checklist'; item: ChecklistItem; received: boolean }
  | { kind: 'inspection'; inspection: PermitInspection }
  | { kind: 'decision'; decision: 'approved' | 'rejected'; reason: string }
  | { kind: 'renewal' };

/**
 * One step of an application, its history entry and (on approval or renewal) its `permit.issued` event
 * as one write, compare-and-set on the status it was read in, under the document's lock.
 */
export async function stepPermit(deps: VtDeps, permitId: string, step: PermitStep, cause: EventCause): Promise<StoredPermit> {
  const { permits } = deps.models;
  const updated = await deps.locks.run(tvtoCollections.permits, permitId, async () => {
    const stored = await permits.findById(permitId, { outbox: 0 }).lean();
    if (!stored) throw new NotFoundError('permit-not-found', `no permit application ${permitId}`);
    const now = deps.clock.now();
    const by = cause.actor.subject;
    let change: Partial<StoredPermit>;
    const events: EventDraft<unknown>[] = [];
    switch (step.kind) {
      case 'checklist':
        change = updateChecklist(stored, step.item, step.received, now);
        break;
      case 'inspection':
        change = { status: inspect(stored, now), inspection: step.inspection };
        break;
      case 'decision': {
        const decided = decide(stored, step.decision, now);
        change = { ...decided, decision: { decision: step.decision, reason: step.reason, at: now, by } };
        if (decided.status === 'approved') {
          change.permitNo = permitNumberOf(stored._id, now);
          events.push(issued(stored, change.permitNo, decided.validUntil!, now));
        }
        break;
      }
      case 'renewal': {
        const renewed = renew(stored, now);
        change = { ...renewed, renewals: [...stored.renewals, { at: now, validUntil: renewed.validUntil, by }] };
        // Renewing re-issues the same permit for another year: partners relying on it see the new validity.
        events.push(issued(stored, stored.permitNo!, renewed.validUntil, now));
        break;
      }
    }
    const history =
      change.status && change.status !== stored.status ? [...stored.history, { status: change.status, at: now, by }] : stored.history;
    const set = { ...change, history, updatedAt: now };
    const update = events.length > 0 ? { $set: set, $push: { outbox: { $each: outboxEntries(agency, cause, events) } } } : { $set: set };
    const result = await permits.updateOne({ _id: permitId, status: stored.status, updatedAt: stored.updatedAt }, update);
    if (result.matchedCount !== 1)
      throw new IllegalStepError('permit-changed-meanwhile', `permit application ${permitId} changed meanwhile; reload it`);
    return { ...stored, ...set };
  });
  deps.flushOutbox([permitId]);
  // The decision answers the clinic's referral, if the application came from one: the loop closes.
  if (step.kind === 'decision' && updated.referralId)
    await closeReferral(deps, updated.referralId, step.decision === 'approved' ? 'achieved' : 'not-achieved', cause);
  return updated;
}
