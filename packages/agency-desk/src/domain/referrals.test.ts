import { localInstant } from '@hamgam/contracts/days';
import { BrokenRuleError } from '@hamgam/service-kit/errors';
import { describe, expect, it } from 'vitest';
import {
  acceptReferral,
  completeReferral,
  declineReferral,
  holdsSeat,
  isReferralOverdue,
  referralStates,
  withdrawReferral,
  type ReferralState,
} from './referrals.js';
import { IllegalTransitionError } from './transitions.js';

/** The kit's error a domain call throws, with its stable code (and field). */
const refusal = (code: string, field?: string) => expect.objectContaining({ code, ...(field ? { field } : {}) });

const at = new Date('2026-03-10T09:00:00Z');
const received = { state: 'received' as const };

describe('received referral state machine', () => {
  it('accepts a received referral with its completion day', () => {
    expect(acceptReferral(received, { at, completeBy: '2026-06-01' })).toEqual({
      state: 'accepted',
      acceptedAt: at,
      completeBy: '2026-06-01',
    });
  });

  it('refuses a completion day before the day of acceptance', () => {
    expect(() => acceptReferral(received, { at, completeBy: '2026-03-09' })).toThrow(
      refusal('complete-by-before-acceptance', 'completeBy'),
    );
    expect(() => acceptReferral(received, { at, completeBy: '2026-03-09' })).toThrow(BrokenRuleError);
    expect(acceptReferral(received, { at, completeBy: '2026-03-10' }).completeBy).toBe('2026-03-10');
  });

  it('declines a received referral with a reason', () => {
    expect(declineReferral(received, { at, reason: 'no-capacity' })).toEqual({
      state: 'declined',
      declinedAt: at,
      declineReason: 'no-capacity',
    });
  });

  it('completes an accepted referral with an outcome', () => {
    expect(completeReferral({ state: 'accepted' }, { at, outcome: 'partly-achieved' })).toEqual({
      state: 'completed',
      completedAt: at,
      outcome: 'partly-achieved',
    });
  });

  it('allows exactly the steps of the closed loop and refuses every other one', () => {
    const legal = new Set(['received>accepted', 'received>declined', 'accepted>completed']);
    const blocked: Record<ReferralState, string> = {
      received: 'referral-not-accepted',
      accepted: 'referral-already-accepted',
      declined: 'referral-already-declined',
      completed: 'referral-already-completed',
      withdrawn: 'referral-withdrawn',
    };
    const steps: Record<string, (state: ReferralState) => unknown> = {
      accepted: (state) => acceptReferral({ state }, { at, completeBy: '2026-06-01' }),
      declined: (state) => declineReferral({ state }, { at, reason: 'not-eligible' }),
      completed: (state) => completeReferral({ state }, { at, outcome: 'achieved' }),
    };
    for (const from of referralStates) {
      for (const [to, step] of Object.entries(steps)) {
        if (legal.has(`${from}>${to}`)) expect(() => step(from), `${from} → ${to}`).not.toThrow();
        else {
          expect(() => step(from), `${from} → ${to}`).toThrow(IllegalTransitionError);
          expect(() => step(from), `${from} → ${to}`).toThrow(refusal(blocked[from]));
        }
      }
    }
  });

  it('lets the clinic withdraw a received or accepted referral and ignores a late withdrawal', () => {
    expect(withdrawReferral(received, { at, reason: 'consent-withdrawn' })).toEqual({
      state: 'withdrawn',
      withdrawnAt: at,
      withdrawReason: 'consent-withdrawn',
    });
    expect(withdrawReferral({ state: 'accepted' }, { at, reason: 'duplicate' })?.state).toBe('withdrawn');
    for (const state of ['declined', 'completed', 'withdrawn'] as const) {
      expect(withdrawReferral({ state }, { at, reason: 'resident-request' })).toBeNull();
    }
  });

  it('holds a seat from acceptance on, not before and not once withdrawn', () => {
    expect(referralStates.filter(holdsSeat)).toEqual(['accepted', 'completed']);
  });
});

describe('referral overdue', () => {
  /** Late in the evening of that day in Iran. */
  const onDay = (day: string) => localInstant(day, '23:59');

  it('is overdue when still unanswered after respondBy, not on the day itself', () => {
    const referral = { state: 'received' as const, respondBy: '2026-03-10', completeBy: null };
    expect(isReferralOverdue(referral, onDay('2026-03-10'))).toBe(false);
    expect(isReferralOverdue(referral, new Date('2026-03-10T20:29:00Z'))).toBe(false);
    expect(isReferralOverdue(referral, new Date('2026-03-10T20:30:00Z'))).toBe(true); // midnight in Kerman
  });

  it('is overdue when accepted and not completed after completeBy', () => {
    const referral = { state: 'accepted' as const, respondBy: '2026-03-01', completeBy: '2026-05-01' };
    expect(isReferralOverdue(referral, onDay('2026-04-30'))).toBe(false);
    expect(isReferralOverdue(referral, onDay('2026-05-02'))).toBe(true);
  });

  it('is never overdue once answered for good', () => {
    for (const state of ['declined', 'completed', 'withdrawn'] as const) {
      expect(isReferralOverdue({ state, respondBy: '2020-01-01', completeBy: '2020-02-01' }, onDay('2026-01-01'))).toBe(false);
    }
  });
});
