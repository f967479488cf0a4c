import { jalaliYearOf } from '@hamgam/contracts/days';
import { addDays, dayOf } from '@hamgam/contracts/days';
import { workshopPermitIssuedV1 } from '@hamgam/contracts';
import { describe, expect, it } from 'vitest';
import {
  canMovePermit,
  checklistItems,
  decide,
  effectiveStatus,
  inspect,
  permitNextStep,
  permitNumberOf,
  permitStatuses,
  permitStatusLabels,
  renew,
  canRenew,
  updateChecklist,
  type PermitFacts,
  type PermitStatus,
} from './permits.js';

const now = new Date('2026-05-10T08:00:00Z');
const permit = (facts: Partial<PermitFacts> = {}): PermitFacts => ({
  status: 'submitted',
  checklist: [],
  inspection: null,
  validUntil: null,
  ...facts,
});

describe('permit state machine', () => {
  it('allows exactly these steps (exhaustive over every pair)', () => {
    const expected: Record<PermitStatus, PermitStatus[]> = {
      submitted: ['documents-complete', 'rejected'],
      'documents-complete': ['submitted', 'inspected', 'rejected'],
      inspected: ['approved', 'rejected'],
      approved: ['expired', 'renewed'],
      rejected: [],
      expired: ['renewed'],
      renewed: ['expired', 'renewed'],
    };
    for (const from of permitStatuses)
      expect(
        permitStatuses.filter((to) => canMovePermit(from, to)),
        from,
      ).toEqual(expected[from]);
  });

  it('becomes documents-complete when the last document is ticked, and back when one is unticked', () => {
    let p = permit();
    for (const item of checklistItems.slice(0, 3)) {
      const next = updateChecklist(p, item, true, now);
      expect(next.status).toBe('submitted');
      p = { ...p, ...next };
    }
    const complete = updateChecklist(p, 'safety', true, now);
    expect(complete).toEqual({ checklist: [...checklistItems], status: 'documents-complete' });
    expect(updateChecklist({ ...p, ...complete }, 'safety', true, now).status).toBe('documents-complete');
    expect(updateChecklist({ ...p, ...complete }, 'id-copy', false, now)).toEqual({
      checklist: ['skill-certificate', 'lease-or-ownership', 'safety'],
      status: 'submitted',
    });
  });

  it('refuses checklist changes after the inspection', () => {
    for (const status of ['inspected', 'approved', 'rejected', 'renewed'] as const) {
      expect(() => updateChecklist(permit({ status, validUntil: '2027-01-01' }), 'id-copy', false, now), status).toThrow(
        expect.objectContaining({ status: 409, code: 'permit-step-out-of-order' }),
      );
    }
  });

  it('inspects only a documents-complete application', () => {
    expect(inspect(permit({ status: 'documents-complete' }), now)).toBe('inspected');
    for (const status of ['submitted', 'inspected', 'approved', 'rejected'] as const)
      expect(() => inspect(permit({ status }), now), status).toThrow(
        expect.objectContaining({ status: 409, code: 'permit-step-out-of-order' }),
      );
  });

  it('approves only after a passed inspection, for one year; rejects at any point before a decision', () => {
    expect(decide(permit({ status: 'inspected', inspection: { passed: true } }), 'approved', now)).toEqual({
      status: 'approved',
      validUntil: addDays(now, 365),
    });
    expect(() => decide(permit({ status: 'inspected', inspection: { passed: false } }), 'approved', now)).toThrow(
      expect.objectContaining({ status: 422, code: 'inspection-not-passed', field: 'decision' }),
    );
    expect(() => decide(permit({ status: 'documents-complete' }), 'approved', now)).toThrow(
      expect.objectContaining({ status: 409, code: 'permit-step-out-of-order' }),
    );
    for (const status of ['submitted', 'documents-complete', 'inspected'] as const)
      expect(decide(permit({ status }), 'rejected', now).status).toBe('rejected');
    expect(() => decide(permit({ status: 'rejected' }), 'approved', now)).toThrow(
      expect.objectContaining({ status: 409, code: 'permit-step-out-of-order' }),
    );
    expect(() => decide(permit({ status: 'approved', validUntil: '2027-01-01' }), 'rejected', now)).toThrow(
      expect.objectContaining({ status: 409, code: 'permit-step-out-of-order' }),
    );
  });

  it('expires by the calendar the day after its last valid day', () => {
    const approved = permit({ status: 'approved', validUntil: dayOf(now) });
    expect(effectiveStatus(approved, now)).toBe('approved');
    expect(effectiveStatus(approved, new Date(now.getTime() + 86_400_000))).toBe('expired');
    expect(effectiveStatus({ status: 'renewed', validUntil: '2020-01-01' }, now)).toBe('expired');
    expect(effectiveStatus({ status: 'rejected', validUntil: null }, now)).toBe('rejected');
  });

  it('renews an expired permit from today, one in its last 30 days from its end, and refuses earlier', () => {
    expect(renew(permit({ status: 'approved', validUntil: '2026-01-01' }), now)).toEqual({
      status: 'renewed',
      validUntil: addDays(now, 365),
    });
    const soon = addDays(now, 20);
    expect(renew(permit({ status: 'approved', validUntil: soon }), now)).toEqual({ status: 'renewed', validUntil: addDays(soon, 365) });
    expect(() => renew(permit({ status: 'approved', validUntil: addDays(now, 200) }), now)).toThrow(
      expect.objectContaining({ status: 422, code: 'renewal-not-open' }),
    );
    expect(renew(permit({ status: 'renewed', validUntil: soon }), now).status).toBe('renewed');
    for (const status of ['submitted', 'documents-complete', 'inspected', 'rejected'] as const)
      expect(() => renew(permit({ status }), now), status).toThrow(
        expect.objectContaining({ status: 409, code: 'permit-step-out-of-order' }),
      );
  });

  it('offers renewal exactly when renewing would be accepted: expired, or within 30 days of the end', () => {
    expect(canRenew(permit({ status: 'approved', validUntil: '2026-01-01' }), now)).toBe(true);
    expect(canRenew(permit({ status: 'renewed', validUntil: addDays(now, 30) }), now)).toBe(true);
    expect(canRenew(permit({ status: 'approved', validUntil: addDays(now, 31) }), now)).toBe(false);
    expect(() => renew(permit({ status: 'approved', validUntil: addDays(now, 31) }), now)).toThrow(
      expect.objectContaining({ status: 422, code: 'renewal-not-open' }),
    );
    for (const status of ['submitted', 'documents-complete', 'inspected', 'rejected'] as const)
      expect(canRenew(permit({ status }), now), status).toBe(false);
  });

  it('numbers permits in the contract pattern and tells applicants each status and next step in both languages', () => {
    const no = permitNumberOf('0f8fad5b-d9cb-469f-a165-70867728950e', now);
    // The Jalali year it is issued in Iran (a person reads it), never the Gregorian one.
    expect(no).toBe(`WP-${jalaliYearOf(now)}-0F8FAD5B`);
    expect(permitNumberOf('0f8fad5b-d9cb-469f-a165-70867728950e', new Date('2026-12-07T08:00:00Z'))).toBe('WP-1405-0F8FAD5B');
    expect(workshopPermitIssuedV1.shape.permitNo.safeParse(no).success).toBe(true);
    for (const status of permitStatuses) expect(permitStatusLabels[status].fa && permitStatusLabels[status].en).toBeTruthy();
    expect(permitNextStep(permit({ checklist: ['id-copy'] }), now)).toEqual(
      expect.objectContaining({ en: expect.stringContaining('3 document') }),
    );
    expect(permitNextStep(permit({ checklist: ['id-copy'] }), now).fa).toContain('۳');
    expect(permitNextStep(permit({ status: 'approved', validUntil: '2020-01-01' }), now).en).toContain('renew');
  });
});
