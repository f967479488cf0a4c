import { addDays } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import type { EventType } from '@hamgam/contracts';
import { startTestService, type TestCaller, type TestService } from '@hamgam/service-kit/testing';
import { expect } from 'vitest';
import type { InstituteFundingModels } from '../deps.js';
import { instituteFundingService } from '../service.js';

export type FundingTestService = TestService<InstituteFundingModels>;

/**
 * The composed institute-funding service on a throw-away FerretDB/MongoDB database, local signing keys,
 * no broker (events are read from the documents' outboxes and consumed by calling the subscriptions),
 * with the steps the API tests of each area build on.
 */
export async function startFunding() {
  const service: FundingTestService = await startTestService(instituteFundingService);
  const api = (caller?: TestCaller) => service.api(caller);
  const now = () => service.clock.now();

  const institute = (instituteId: string, extra: object = {}) => ({
    instituteId,
    name: { fa: 'آموزشگاه آزمون', en: 'Test institute' },
    licenceNo: 'KRM-1402-0118',
    licenceValidUntil: addDays(now(), 365),
    neighbourhoodId: 'nbh-sarasiab',
    address: 'سرآسیاب، کوچه ۴',
    trades: ['tailoring', 'pastry'],
    ...extra,
  });
  const callBody = (extra: object = {}) => ({
    title: { fa: 'فراخوان آزمون', en: 'Test call' },
    budgetRials: 10_000_000_000,
    neighbourhoodIds: ['nbh-sarasiab', 'nbh-motahari'],
    trades: ['tailoring', 'pastry'],
    opensOn: addDays(now(), -1),
    closesOn: addDays(now(), 30),
    ...extra,
  });
  const application = (callId: string, instituteId: string, extra: object = {}) => ({
    callId,
    instituteId,
    trades: ['tailoring'],
    proposedSeats: 6,
    amountRequestedRials: 3_000_000_000,
    ...extra,
  });

  /** A step that must succeed: its body. */
  const ok = async <T = Record<string, unknown>>(call: PromiseLike<{ status: number; body: unknown }>, status = 200): Promise<T> => {
    const res = await call;
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body as T;
  };

  async function registerInstitute(extra: object = {}): Promise<string> {
    const id = `inst-${randomUUID().slice(0, 8)}`;
    await ok(api('fund').post('/institutes', institute(id, extra)), 201);
    return id;
  }

  async function openCall(extra: object = {}): Promise<string> {
    return (await ok<{ callId: string }>(api('fund').post('/calls', callBody(extra)), 201)).callId;
  }

  /** An institute's application to a call, under review. */
  async function underReview(callId: string, extra: object = {}): Promise<{ applicationId: string; instituteId: string }> {
    const instituteId = await registerInstitute();
    const { applicationId } = await ok<{ applicationId: string }>(
      api('fund').post('/applications', application(callId, instituteId, extra)),
      201,
    );
    await ok(api('fund').post(`/applications/${applicationId}/review`));
    return { applicationId, instituteId };
  }

  /** An award of 2 500 000 000 rials for 5 seats in three tranches (3 enrolments, then 2 and 3 completions) on a call of its own. */
  async function anAward(): Promise<{ awardId: string; callId: string; instituteId: string }> {
    const callId = await openCall();
    const { applicationId, instituteId } = await underReview(callId);
    await ok(api('fund').post(`/applications/${applicationId}/award`, { amountRials: 2_500_000_000, seats: 5, plan }), 201);
    return { awardId: applicationId, callId, instituteId };
  }

  const enrolment = (instituteId: string, extra: object = {}) => ({
    enrolmentId: randomUUID() as string,
    courseId: `${instituteId}-tailoring`,
    trade: 'tailoring',
    venue: { kind: 'private-institute', id: instituteId },
    residentRef: randomUUID() as string,
    householdRef: randomUUID() as string | null,
    neighbourhoodId: 'nbh-sarasiab' as string | null,
    referralId: null,
    enrolledAt: now().toISOString(),
    ...extra,
  });
  type Enrolment = ReturnType<typeof enrolment>;
  const completion = ({ enrolledAt: _e, ...fields }: Enrolment, result: 'passed' | 'failed' | 'dropped-out') => ({
    ...fields,
    result,
    certificateNo: result === 'passed' ? 'TVTO-1405-0001' : null,
    completedAt: now().toISOString(),
  });
  const deliver = (type: EventType, data: unknown, id?: string) => service.deliver(type, data, { id });
  /** TVTO recorded an enrolment (and, given a result, its completion). */
  async function enrol(instituteId: string, result?: 'passed' | 'failed' | 'dropped-out', extra: object = {}): Promise<Enrolment> {
    const recorded = enrolment(instituteId, extra);
    await deliver('vocational-training.enrolment.recorded', recorded);
    if (result) await deliver('vocational-training.enrolment.completed', completion(recorded, result));
    return recorded;
  }

  return {
    service,
    api,
    now,
    institute,
    callBody,
    application,
    ok,
    registerInstitute,
    openCall,
    underReview,
    anAward,
    enrolment,
    completion,
    deliver,
    enrol,
  };
}

export const plan = [
  { percent: 30, condition: { kind: 'enrolments', atLeast: 3 } },
  { percent: 40, condition: { kind: 'completions', atLeast: 2 } },
  { percent: 30, condition: { kind: 'completions', atLeast: 3 } },
];

/** A refused call as tests assert it: its status, stable code and (for a broken rule) the field at fault. */
export async function refusal(call: PromiseLike<{ status: number; body: { code?: string; field?: string } }>) {
  const { status, body } = await call;
  return body.field === undefined ? { status, code: body.code } : { status, code: body.code, field: body.field };
}
