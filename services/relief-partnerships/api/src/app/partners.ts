import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@hamgam/service-kit/errors';
import type { StoredAgreement } from '../data/agreements.js';
import type { StoredMeeting } from '../data/meetings.js';
import { checkAgreement, checkSamePartner, type Partner } from '../domain/agreements.js';
import { checkMeeting } from '../domain/meetings.js';
import type { ReliefDeps } from '../deps.js';

export type AgreementInput = Omit<StoredAgreement, '_id' | 'updatedAt' | 'updatedBy'>;
export type MeetingInput = Pick<StoredMeeting, 'heldOn' | 'title' | 'attendees' | 'decisions'>;

export async function recordAgreement(deps: ReliefDeps, input: AgreementInput, by: string): Promise<StoredAgreement> {
  checkAgreement(input);
  const agreement: StoredAgreement = { _id: randomUUID(), ...input, updatedAt: deps.clock.now(), updatedBy: by };
  await deps.models.agreements.create(agreement);
  return agreement;
}

/**
 * Signs, extends or terminates an agreement; its partner stays. `speaksFor` is the route's check that the
 * caller speaks for the stored agreement's partner.
 */
export async function editAgreement(
  deps: ReliefDeps,
  agreementId: string,
  input: AgreementInput,
  by: string,
  speaksFor: (partner: Partner) => void,
): Promise<StoredAgreement> {
  const stored = await deps.models.agreements.findById(agreementId).lean();
  if (!stored) throw new NotFoundError('agreement-not-found', `no agreement ${agreementId}`);
  speaksFor(stored.partner);
  checkSamePartner(stored.partner, input.partner);
  checkAgreement(input);
  const set = { ...input, updatedAt: deps.clock.now(), updatedBy: by };
  await deps.models.agreements.updateOne({ _id: agreementId }, { $set: set });
  return { ...stored, ...set };
}

/** Records a held joint meeting: its day, the agencies present and what was decided. */
export async function recordMeeting(deps: ReliefDeps, input: MeetingInput, by: string): Promise<StoredMeeting> {
  const now = deps.clock.now();
  checkMeeting(input, now);
  const meeting: StoredMeeting = { _id: randomUUID(), ...input, recordedAt: now, recordedBy: by };
  await deps.models.meetings.create(meeting);
  return meeting;
}
