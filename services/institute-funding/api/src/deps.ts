import type { DeskModels } from '@hamgam/agency-desk';
import { eventCause, type EventCause, type Principal, type Role, type ServiceDeps } from '@hamgam/service-kit';
import type { FundingModels } from './data/models.js';

export const serviceName = 'institute-funding';
export type InstituteFundingModels = DeskModels & FundingModels;
export type FundingDeps = ServiceDeps<InstituteFundingModels>;

/** The fund office's officers act; the coordinator and auditors read. The office serves every target neighbourhood. */
export const officers: readonly Role[] = ['fund-officer'];
export const readers: readonly Role[] = ['fund-officer', 'coordinator', 'auditor'];

export const causeOf = (who: Principal | string, correlationId: string, causationId?: string): EventCause =>
  eventCause(serviceName, who, correlationId, causationId);

