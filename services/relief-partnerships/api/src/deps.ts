import type { DeskModels } from '@hamgam/agency-desk';
import { badRequest, conflict, eventCause, type EventCause, type Principal, type ServiceDeps } from '@hamgam/service-kit';
import { IllegalTransitionError } from './domain/days.js';
import type { ReliefOwnModels } from './data/models.js';

export const agency = 'relief-partnerships' as const;

export type ReliefModels = DeskModels & ReliefOwnModels;
export type ReliefDeps = ServiceDeps<ReliefModels>;

export const causeOf = (who: Principal | string, correlationId: string, causationId?: string): EventCause =>
  eventCause(agency, who, correlationId, causationId);

/** Runs a pure step: an illegal transition is a 409, a value out of bounds a 400. */
export function attempt<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof IllegalTransitionError) throw conflict(error.message);
    if (error instanceof RangeError) throw badRequest(error.message);
    throw error;
  }
}
