import { dayOf } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { caps, readAll } from '@hamgam/service-kit';
import type { StoredCall } from '../data/calls.js';
import { awardedFrom, callStatus, checkCallDays } from '../domain/calls.js';
import type { FundingDeps } from '../deps.js';
import { checkKnownReferences } from '../domain/references.js';
import { postCall } from './ledger.js';
import { knownReferences } from './references.js';

export type CallFields = Omit<StoredCall, '_id' | 'createdAt' | 'createdBy'>;

/** A funding call and its budget's posting (money from the programme's appropriation into the call). */
export async function openCall(deps: FundingDeps, fields: CallFields, by: string) {
  checkCallDays(fields, dayOf(deps.clock.now()));
  checkKnownReferences(fields, await knownReferences(deps));
  const call: StoredCall = { _id: randomUUID(), ...fields, createdAt: deps.clock.now(), createdBy: by };
  await deps.models.calls.create(call);
  await postCall(deps, call._id);
  return call;
}

/** Every call with its status today, what its awards hold and what is left. */
export async function callsView(deps: FundingDeps) {
  const today = dayOf(deps.clock.now());
  const [calls, awarded] = await Promise.all([
    // A funding office opens a handful of calls a year: read whole, bounded.
    readAll(deps.models.calls.find().sort({ opensOn: -1, _id: 1 }).lean(), caps.reference),
    readAll(deps.models.applications.find({ state: 'awarded' }, { callId: 1, award: 1 }).lean(), caps.agencyCaseload),
  ]);
  return calls.map((c) => {
    const awardedRials = awardedFrom(awarded.filter((a) => a.callId === c._id).map((a) => a.award!));
    const { _id, createdBy: _b, ...rest } = c;
    return { callId: _id, ...rest, status: callStatus(c, today), awardedRials, availableRials: c.budgetRials - awardedRials };
  });
}
