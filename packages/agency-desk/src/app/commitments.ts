import { randomUUID } from 'node:crypto';
import type {
  ActionItemAssignedV1,
  CommitmentDeclaredV1,
  CommitmentProgressedV1,
  CommitmentStatusRecordedV1,
  Envelope,
  NeedCategory,
} from '@hamgam/contracts';
import { dayOf } from '@hamgam/contracts/days';
import { isDuplicateKey, outboxEntries, pageOf, type EventCause, type PageContext } from '@hamgam/service-kit';
import { IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import { deskCollections, type StoredCommitment } from '../data/models.js';
import { checkDueOn, progressCommitment, type ProgressStatus } from '../domain/commitments.js';
import { type DeskDeps, type DeskOptions } from '../options.js';
import { notOverdueCommitments, openCommitment, overdueCommitments } from './overdue.js';

export interface Declaration {
  neighbourhoodId: string;
  answers: NeedCategory | null;
  title: string;
  dueOn: string;
}

export interface CommitmentFilter {
  /** One status, or `open`: every one but delivered. */
  status?: StoredCommitment['status'] | 'open' | undefined;
  source?: StoredCommitment['source'] | undefined;
  neighbourhoodId?: string | undefined;
  /** Past its effective due day and not delivered (see ./overdue.ts), or not. */
  overdue?: 'true' | 'false' | undefined;
  order?: 'asc' | 'desc' | undefined;
}

/** One page of the agency's commitments by due day (soonest first unless asked), narrowed by status, source, neighbourhood and overdue. */
export function listCommitments(deps: DeskDeps, filter: CommitmentFilter, page: PageContext) {
  const today = dayOf(deps.clock.now());
  return pageOf(
    deps.models.commitments
      .find(
        {
          ...(filter.status ? { status: filter.status === 'open' ? openCommitment : filter.status } : {}),
          ...(filter.source ? { source: filter.source } : {}),
          ...(filter.neighbourhoodId ? { neighbourhoodId: filter.neighbourhoodId } : {}),
          ...(filter.overdue ? { $and: [filter.overdue === 'true' ? overdueCommitments(today) : notOverdueCommitments(today)] } : {}),
        },
        { outbox: 0 },
      )
      .lean(),
    page,
    page.res,
    { by: 'dueOn', order: filter.order === 'desc' ? -1 : 1 },
  );
}

/** The agency plans an action of its own; stored with `<agency>.commitment.declared` in one write. */
export async function declareCommitment(
  deps: DeskDeps,
  options: DeskOptions,
  declaration: Declaration,
  cause: EventCause,
  id: string = randomUUID(),
) {
  const now = deps.clock.now();
  checkDueOn(declaration.dueOn, now);
  const data: CommitmentDeclaredV1 = { commitmentId: id, agency: options.agency, ...declaration, declaredAt: now.toISOString() };
  const commitment: Omit<StoredCommitment, 'outbox'> = {
    _id: id,
    agency: options.agency,
    source: 'agency',
    ...declaration,
    status: 'planned',
    revisedDueOn: null,
    evidence: null,
    meetingId: null,
    resolutionId: null,
    declaredAt: now,
    declaredBy: cause.actor.subject,
    history: [],
  };
  await deps.models.commitments.create({
    ...commitment,
    outbox: outboxEntries(options.agency, cause, [{ type: `${options.agency}.commitment.declared`, version: 1, data }]),
  });
  deps.flushOutbox([id]);
  return commitment;
}

/** `coordination.action-item.assigned`: the working group gave this agency an action; held as a commitment. */
export async function receiveActionItem(deps: DeskDeps, options: DeskOptions, event: Envelope<ActionItemAssignedV1>): Promise<void> {
  const { data } = event;
  if (data.agency !== options.agency) return;
  try {
    await deps.models.commitments.create({
      _id: data.actionItemId,
      agency: options.agency,
      source: 'working-group',
      neighbourhoodId: data.neighbourhoodId,
      answers: data.answers,
      title: data.title,
      dueOn: data.dueOn,
      revisedDueOn: null,
      status: 'planned',
      evidence: null,
      meetingId: data.meetingId,
      resolutionId: data.resolutionId,
      declaredAt: new Date(data.assignedAt),
      declaredBy: event.actor.subject,
      history: [],
      outbox: [],
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error; // a redelivery: the action item is held already
  }
}

export interface Progress {
  status: ProgressStatus;
  evidence: string | null;
  revisedDueOn: string | null;
}

/** A progress report on any of the agency's commitments, stored with `<agency>.commitment.progressed`. */
export async function reportProgress(deps: DeskDeps, options: DeskOptions, id: string, progress: Progress, cause: EventCause) {
  const { commitments } = deps.models;
  const updated = await deps.locks.run(deskCollections.commitments, id, async () => {
    const stored = await commitments.findById(id, { outbox: 0 }).lean();
    if (!stored) throw new NotFoundError('commitment-not-found', `no commitment ${id} at this agency`);
    const at = deps.clock.now();
    const next = progressCommitment(stored, { ...progress, at });
    const data: CommitmentProgressedV1 = { commitmentId: id, agency: options.agency, ...progress, at: at.toISOString() };
    const entry = {
      status: progress.status,
      at,
      evidence: progress.evidence,
      revisedDueOn: progress.revisedDueOn,
      by: cause.actor.subject,
    };
    const result = await commitments.updateOne(
      { _id: id, status: stored.status },
      {
        $set: { status: next.status, evidence: next.evidence, revisedDueOn: next.revisedDueOn },
        $push: {
          history: entry,
          outbox: { $each: outboxEntries(options.agency, cause, [{ type: `${options.agency}.commitment.progressed`, version: 1, data }]) },
        },
      },
    );
    if (result.matchedCount !== 1)
      throw new IllegalStepError('commitment-changed-meanwhile', `commitment ${id} changed meanwhile; reload it`);
    return { ...stored, ...next, history: [...stored.history, entry] };
  });
  deps.flushOutbox([id]);
  return updated;
}

/**
 * `coordination.commitment.status-recorded`: a coordinator recorded, at the working group, the status of one
 * of this agency's commitments; the desk reads the same truth as the board (no event back: coordination has
 * it). The board's word is taken as recorded, except that a delivered commitment stays delivered and a
 * report older than the commitment's latest change changes nothing (a redelivery, or events out of order).
 * One not held yet (its action item still on its way) is retried later by the bus.
 */
export async function receiveStatusRecorded(deps: DeskDeps, options: DeskOptions, event: Envelope<CommitmentStatusRecordedV1>) {
  const { data } = event;
  if (data.agency !== options.agency) return;
  const { commitments } = deps.models;
  await deps.locks.run(deskCollections.commitments, data.commitmentId, async () => {
    const stored = await commitments.findById(data.commitmentId, { outbox: 0 }).lean();
    if (!stored) throw new Error(`commitment ${data.commitmentId} is not held yet; its action item is on its way`);
    const at = new Date(data.at);
    const latest = stored.history.at(-1)?.at;
    if (stored.status === 'delivered' || (latest && latest.getTime() >= at.getTime())) return;
    const entry = { status: data.status, at, evidence: data.evidence, revisedDueOn: data.revisedDueOn, by: 'coordination' };
    await commitments.updateOne(
      { _id: data.commitmentId, status: stored.status },
      {
        $set: {
          status: data.status,
          evidence: data.evidence ?? stored.evidence,
          revisedDueOn: data.status === 'slipped' ? (data.revisedDueOn ?? stored.revisedDueOn) : stored.revisedDueOn,
        },
        $push: { history: entry },
      },
    );
  });
}
