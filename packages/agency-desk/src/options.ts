import type { PartnerAgency } from '@hamgam/contracts';
import type { EventCause, Principal, Role, ServiceDeps } from '@hamgam/service-kit';
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

/** Who caused an event: a staff member through a request, or the desk itself reacting to an event. */
export function causeOf(options: DeskOptions, who: Principal | string, correlationId: string, causationId?: string): EventCause {
  const subject = typeof who === 'string' ? who : who.subject;
  return { actor: { subject, agency: options.agency }, correlationId, ...(causationId ? { causationId } : {}) };
}

export const duplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;
