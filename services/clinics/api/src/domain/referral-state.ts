/**
 * A referral's life at the clinic (the closed loop): sent → accepted → completed; sent → declined;
 * sent | accepted → withdrawn. Events from the agencies may arrive late, twice or out of order, so a
 * step that does not apply to the current state is ignored rather than refused: the state only
 * moves forward and a terminal state never changes again.
 */
export const referralStates = ['sent', 'accepted', 'declined', 'completed', 'withdrawn'] as const;
export type ReferralState = (typeof referralStates)[number];

export const referralStepKinds = ['made', 'accepted', 'declined', 'completed', 'withdrawn'] as const;
export type ReferralStepKind = (typeof referralStepKinds)[number];

/** The steps that move an existing referral (its `made` step creates it). */
export type ReferralTransition = Exclude<ReferralStepKind, 'made'>;

export const terminalStates: readonly ReferralState[] = ['declined', 'completed', 'withdrawn'];

/**
 * Which state each step leads to from which states. `completed` is also taken from `sent`: an agency
 * that reports completion has accepted, and its `accepted` event may simply arrive after it.
 */
const transitions: Record<ReferralTransition, { from: readonly ReferralState[]; to: ReferralState }> = {
  accepted: { from: ['sent'], to: 'accepted' },
  declined: { from: ['sent'], to: 'declined' },
  completed: { from: ['sent', 'accepted'], to: 'completed' },
  withdrawn: { from: ['sent', 'accepted'], to: 'withdrawn' },
};

/** The state a step leads to from `state`, or null when the step is illegal or stale there. */
export function nextReferralState(state: ReferralState, step: ReferralTransition): ReferralState | null {
  const rule = transitions[step];
  return rule.from.includes(state) ? rule.to : null;
}

export const isTerminal = (state: ReferralState) => terminalStates.includes(state);
