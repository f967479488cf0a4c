import { randomUUID } from 'node:crypto';
import type { EventType } from '@hamgam/contracts';
import { startTestService, type TestCaller, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll } from 'vitest';
import { addDays, dayOf } from '../domain/days.js';
import type { ReliefModels } from '../deps.js';
import { reliefPartnershipsService } from '../service.js';

export type ReliefTestService = TestService<ReliefModels>;

/** A loan's terms as officers usually approve them. */
export const terms = { months: 12, graceMonths: 1, feePercent: 4 };

/**
 * One relief-partnerships for the calling test file: started before its tests, closed after them, on a
 * throw-away database with local signing keys and no broker (events are read from the documents' outboxes
 * and delivered through the service's own subscriptions). The helpers read the running service.
 */
export function reliefForTests() {
  let running: ReliefTestService | undefined;
  beforeAll(async () => {
    running = await startTestService(reliefPartnershipsService);
  });
  afterAll(async () => {
    await running?.close();
  });
  const service = (): ReliefTestService => {
    if (!running) throw new Error('relief is not started yet: use the helpers inside tests and hooks');
    return running;
  };
  const now = () => service().clock.now();
  const today = () => dayOf(now());
  const deliver = (type: EventType, data: object, id?: string) => service().deliver(type, data, { id });
  return {
    service,
    today,
    deliver,
    api: (caller?: TestCaller) => service().api(caller),
    outboxOf: (collection: string, id: string) => service().outboxOf(collection, id),
    /** TVTO's completion of a course by the resident (passed, with a certificate, unless `extra` says otherwise). */
    completion: (residentRef: string, extra: object = {}) => ({
      enrolmentId: randomUUID(),
      courseId: 'tvto-home-tailoring-1405',
      trade: 'tailoring',
      venue: { kind: 'clinic', id: 'clinic-sarasiab' },
      residentRef,
      householdRef: null,
      neighbourhoodId: 'nbh-sarasiab',
      referralId: null,
      result: 'passed',
      certificateNo: 'TVTO-1405-77',
      completedAt: now().toISOString(),
      ...extra,
    }),
    /** Welfare's low-income flag of the household, valid 90 days. */
    flagged: (householdRef: string, extra: object = {}) => ({
      flagId: randomUUID(),
      householdRef,
      flag: 'low-income',
      validUntil: addDays(today(), 90),
      flaggedAt: now().toISOString(),
      ...extra,
    }),
    /** A direct request for a made-up resident and household. */
    direct: (extra: object = {}) => ({
      residentRef: randomUUID(),
      householdRef: randomUUID(),
      neighbourhoodId: 'nbh-sarasiab',
      kind: 'micro-loan',
      purpose: 'income-support',
      requestedRials: 300_000_000,
      businessPlan: 'home tailoring',
      ...extra,
    }),
    /** A clinic's referral to relief naming this resident of this household arrives: money may then go to them. */
    referred: async <B extends { residentRef: string; householdRef: string }>(body: B, extra: object = {}): Promise<B> => {
      await deliver('clinics.referral.made', {
        referralId: randomUUID(),
        trackingCode: 'K7QM-3XWA',
        agency: 'relief-partnerships',
        offerId: 'relief-partnerships-home-loan',
        clinicId: 'clinic-sarasiab',
        neighbourhoodId: 'nbh-sarasiab',
        residentRef: body.residentRef,
        householdRef: body.householdRef,
        needCategory: 'income-support',
        respondBy: addDays(today(), 7),
        madeAt: now().toISOString(),
        ...extra,
      });
      return body;
    },
  };
}
