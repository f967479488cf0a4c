import type { CommitmentStatus, PartnerAgency } from '@hamgam/contracts';
import { inList, type Principal } from '@hamgam/service-kit';
import mongoose from 'mongoose';
import type { CommitmentSource } from '../domain/commitments.js';
import { seesEveryNeighbourhood } from './scope.js';
import { containsText } from './search.js';

/** An operator the service builds itself (never from a request), so sanitizeFilter lets it through. */
export const op = <T>(operator: Record<string, unknown>) => mongoose.trusted(operator) as unknown as T;

/**
 * The store's form of the domain's `isOverdue` (not delivered, and the day it is expected — the revised
 * day after a slip, else the agreed one — is before today in Iran), so a list, a count and a badge
 * filtered by it read the same truth as each row's `overdue` flag, and a page is never short.
 */
export function overdueCondition(today: string): Record<string, unknown> {
  return {
    status: op({ $ne: 'delivered' }),
    $or: [{ revisedDueOn: null, dueOn: op({ $lt: today }) }, { revisedDueOn: op({ $lt: today }) }],
  };
}

/** The opposite of overdueCondition: delivered, or still within its expected day. */
export function notOverdueCondition(today: string): Record<string, unknown> {
  return {
    $or: [{ status: 'delivered' }, { revisedDueOn: null, dueOn: op({ $gte: today }) }, { revisedDueOn: op({ $gte: today }) }],
  };
}

export interface CommitmentFilter {
  neighbourhoodId?: string | undefined;
  agency?: PartnerAgency | undefined;
  status?: CommitmentStatus | undefined;
  source?: CommitmentSource | undefined;
  meetingId?: string | undefined;
  overdue?: 'true' | 'false' | undefined;
  /** Searched in the commitment's title and evidence. */
  q?: string | undefined;
}

/**
 * The store query of a commitments list: the filters, and the caller's scope (a representative only
 * their neighbourhoods; the neighbourhood filter itself is checked against the scope by the route).
 */
export function commitmentQuery(filter: CommitmentFilter, principal: Principal, today: string): Record<string, unknown> {
  const and: Record<string, unknown>[] = [];
  const query: Record<string, unknown> = {};
  if (filter.neighbourhoodId) query['neighbourhoodId'] = filter.neighbourhoodId;
  else if (!seesEveryNeighbourhood(principal)) query['neighbourhoodId'] = inList(principal.neighbourhoodIds);
  if (filter.agency) query['agency'] = filter.agency;
  if (filter.status) query['status'] = filter.status;
  if (filter.source) query['source'] = filter.source;
  if (filter.meetingId) query['meetingId'] = filter.meetingId;
  if (filter.overdue === 'true') and.push(overdueCondition(today));
  if (filter.overdue === 'false') and.push(notOverdueCondition(today));
  if (filter.q) and.push({ $or: [{ title: containsText(filter.q) }, { evidence: containsText(filter.q) }] });
  return and.length > 0 ? { ...query, $and: and } : query;
}
