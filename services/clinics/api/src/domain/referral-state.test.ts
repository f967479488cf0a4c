import { describe, expect, it } from 'vitest';
import { isTerminal, nextReferralState, referralStates, type ReferralState, type ReferralTransition } from './referral-state.js';

const steps: ReferralTransition[] = ['accepted', 'declined', 'completed', 'withdrawn'];

/** The whole table, written out: every (state, step) pair and where it leads (null = ignored). */
const expected: Record<ReferralState, Record<ReferralTransition, ReferralState | null>> = {
  sent: { accepted: 'accepted', declined: 'declined', completed: 'completed', withdrawn: 'withdrawn' },
  accepted: { accepted: null, declined: null, completed: 'completed', withdrawn: 'withdrawn' },
  declined: { accepted: null, declined: null, completed: null, withdrawn: null },
  completed: { accepted: null, declined: null, completed: null, withdrawn: null },
  withdrawn: { accepted: null, declined: null, completed: null, withdrawn: null },
};

describe('referral state machine', () => {
  for (const state of referralStates) {
    for (const step of steps) {
      it(`${state} + ${step} → ${expected[state][step] ?? 'ignored'}`, () => {
        expect(nextReferralState(state, step)).toBe(expected[state][step]);
      });
    }
  }

  it('never leaves a terminal state, so a late "accepted" after "completed" changes nothing', () => {
    for (const state of referralStates.filter(isTerminal)) {
      for (const step of steps) expect(nextReferralState(state, step)).toBeNull();
    }
    expect(nextReferralState('completed', 'accepted')).toBeNull();
  });

  it('is idempotent: applying the same step twice moves the state once', () => {
    for (const step of steps) {
      const once = nextReferralState('sent', step)!;
      expect(nextReferralState(once, step)).toBeNull();
    }
  });

  it('reaches the same end whatever order accepted and completed arrive in', () => {
    const inOrder = nextReferralState(nextReferralState('sent', 'accepted')!, 'completed');
    const completedFirst = nextReferralState('sent', 'completed')!;
    expect(inOrder).toBe('completed');
    expect(completedFirst).toBe('completed');
    expect(nextReferralState(completedFirst, 'accepted')).toBeNull();
  });
});
