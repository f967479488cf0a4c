import { caps, isDuplicateKey, readAll } from '@hamgam/service-kit';
import {
  awardPosting,
  budgetPosting,
  callPosition,
  cancellationPosting,
  checkLedger,
  paymentPosting,
  releasePosting,
  type Posting,
} from '../domain/ledger.js';
import type { StoredApplication } from '../data/applications.js';
import type { StoredCall } from '../data/calls.js';
import type { StoredPosting } from '../data/postings.js';
import type { FundingDeps } from '../deps.js';

/** The postings a call and its awards' documents say happened (each step's time is the document's). */
export function postingsOf(
  call: Pick<StoredCall, '_id' | 'budgetRials' | 'createdAt'>,
  applications: readonly Pick<StoredApplication, '_id' | 'award'>[],
): Posting[] {
  const postings: Posting[] = [budgetPosting(call._id, call.budgetRials, call.createdAt)];
  for (const { _id: awardId, award } of applications) {
    if (!award) continue;
    postings.push(awardPosting(call._id, awardId, award.amountRials, award.awardedAt));
    for (const t of award.tranches) {
      if (t.releasedAt) postings.push(releasePosting(call._id, awardId, t.trancheNo, t.amountRials, t.releasedAt));
      if (t.paidAt) postings.push(paymentPosting(call._id, awardId, t.trancheNo, t.amountRials, t.paidAt));
    }
    if (award.status === 'cancelled') {
      const unreleased = award.tranches.filter((t) => t.state === 'cancelled').reduce((s, t) => s + t.amountRials, 0);
      if (unreleased > 0) postings.push(cancellationPosting(call._id, awardId, unreleased, award.cancelledAt!));
    }
  }
  return postings;
}

/**
 * Appends the postings a call's documents imply and the ledger lacks. Postings are insert-only with ids
 * naming their step, so this is idempotent; it runs after every money step (the document's write comes
 * first) and at every start, so a step whose posting was lost to a crash is posted then.
 */
export async function postCall(deps: Pick<FundingDeps, 'models'>, callId: string): Promise<number> {
  const { calls, applications, postings } = deps.models;
  const call = await calls.findById(callId).lean();
  if (!call) return 0;
  const awarded = await readAll(applications.find({ callId, state: 'awarded' }, { award: 1 }).lean(), caps.reference);
  const expected = postingsOf(call, awarded);
  const present = new Set((await readAll(postings.find({ callId }, { _id: 1 }).lean(), caps.perNeighbourhood)).map((p) => p._id));
  let added = 0;
  for (const { postingId, ...posting } of expected) {
    if (present.has(postingId)) continue;
    try {
      await postings.create({ _id: postingId, ...posting });
      added += 1;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return added;
}

export async function postEveryCall(deps: Pick<FundingDeps, 'models'>): Promise<void> {
  for (const call of await readAll(deps.models.calls.find({}, { _id: 1 }).lean(), caps.reference)) await postCall(deps, call._id);
}

const kindOrder = { budget: 0, award: 1, release: 2, payment: 3, cancellation: 4 } as const;
export const inLedgerOrder = (a: StoredPosting, b: StoredPosting) =>
  a.postedAt.getTime() - b.postedAt.getTime() || kindOrder[a.kind] - kindOrder[b.kind] || a._id.localeCompare(b._id);

/** The whole ledger: postings in order, balances, each call's position, and whether every rule holds. */
export async function ledgerView(deps: Pick<FundingDeps, 'models'>) {
  // The ledger is shown whole (balances need every posting): a few postings per award, bounded.
  const stored = (await readAll(deps.models.postings.find().lean(), caps.agencyCaseload)).sort(inLedgerOrder);
  const check = checkLedger(stored.map((p) => ({ postingId: p._id, lines: p.lines })));
  const calls = await readAll(deps.models.calls.find().sort({ createdAt: 1 }).lean(), caps.reference);
  // What the calls' and awards' documents say happened but the ledger does not hold yet (start-up posts it).
  const awarded = await readAll(deps.models.applications.find({ state: 'awarded' }, { callId: 1, award: 1 }).lean(), caps.agencyCaseload);
  const held = new Set(stored.map((p) => p._id));
  const unposted = calls
    .flatMap((c) =>
      postingsOf(
        c,
        awarded.filter((a) => a.callId === c._id),
      ).map((p) => p.postingId),
    )
    .filter((id) => !held.has(id));
  const awardIdsOf = new Map<string, Set<string>>();
  for (const p of stored) if (p.awardId) (awardIdsOf.get(p.callId) ?? awardIdsOf.set(p.callId, new Set()).get(p.callId)!).add(p.awardId);
  return {
    balanced: check.problems.length === 0,
    trialBalance: check.trialBalance,
    problems: check.problems,
    unposted,
    accounts: [...check.balances].map(([account, balance]) => ({ account, balance })).sort((a, b) => a.account.localeCompare(b.account)),
    calls: calls.map((c) => ({
      callId: c._id,
      title: c.title,
      ...callPosition(check.balances, c._id, [...(awardIdsOf.get(c._id) ?? [])]),
    })),
    postings: stored.map((p) => ({
      postingId: p._id,
      kind: p.kind,
      callId: p.callId,
      awardId: p.awardId,
      trancheNo: p.trancheNo,
      lines: p.lines,
      postedAt: p.postedAt.toISOString(),
    })),
  };
}
