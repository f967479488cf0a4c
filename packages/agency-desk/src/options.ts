import type { PartnerAgency } from '@hamgam/contracts';
import { eventCause, type EventCause, type Principal, type Role, type ServiceDeps } from '@hamgam/service-kit';
import type { DeskModels } from './data/models.js';

/** Everything the desk knows about the agency it runs in. */
export interface DeskOptions {
  agency: PartnerAgency;
  /** The agency's own staff: they change the desk. `coordinator` and `auditor` may only read it. */
  roles: readonly Role[];
}

/** Who may read the desk: the agency's staff and the programme-wide readers. */
export const readersOf = (options: DeskOptions): readonly Role[] => [...new Set<Role>([...options.roles, 'coordinator', 'auditor'])];

export type DeskDeps = ServiceDeps<DeskModels>;

/**
 * Who caused an event no request caused: the desk reacting to an event, its demo seed, its start-up repair
 * (a route takes the kit's `ctx.cause`, which names the service: the desk's agency, as each service composes it).
 */
export const causeOf = (options: DeskOptions, who: Principal | string, correlationId: string, causationId?: string): EventCause =>
  eventCause(options.agency, who, correlationId, causationId);
