import { commitmentStatuses } from '@hamgam/contracts';
import { BrokenRuleError } from '@hamgam/service-kit/errors';
import { describe, expect, it } from 'vitest';
import { canProgress, checkDueOn, isCommitmentOverdue, MissingEvidenceError, progressCommitment, type Commitment } from './commitments.js';
import { IllegalTransitionError } from './transitions.js';

const refusal = (code: string, field?: string) => expect.objectContaining({ code, ...(field ? { field } : {}) });

const at = new Date('2026-04-01T10:00:00Z');
const planned: Commitment = { status: 'planned', dueOn: '2026-05-01', revisedDueOn: null, evidence: null };

describe('commitment state machine', () => {
  it('allows planned → in-progress → delivered | slipped and slipped → in-progress, nothing else', () => {
    const legal = commitmentStatuses.flatMap((from) =>
      (['in-progress', 'delivered', 'slipped'] as const).filter((to) => canProgress(from, to)).map((to) => `${from}>${to}`),
    );
    expect(legal.sort()).toEqual(['in-progress>delivered', 'in-progress>slipped', 'planned>in-progress', 'slipped>in-progress']);
  });

  it('walks a commitment that slips, gets a new date and is delivered with evidence', () => {
    const started = progressCommitment(planned, { status: 'in-progress', evidence: null, revisedDueOn: null, at });
    const slipped = progressCommitment(started, { status: 'slipped', evidence: null, revisedDueOn: '2026-06-15', at });
    expect(slipped).toMatchObject({ status: 'slipped', dueOn: '2026-05-01', revisedDueOn: '2026-06-15' });
    const resumed = progressCommitment(slipped, { status: 'in-progress', evidence: null, revisedDueOn: null, at });
    expect(resumed.revisedDueOn).toBe('2026-06-15');
    const delivered = progressCommitment(resumed, { status: 'delivered', evidence: 'Report 14/2', revisedDueOn: null, at });
    expect(delivered).toMatchObject({ status: 'delivered', evidence: 'Report 14/2' });
  });

  it('refuses illegal steps: delivered is final, planned cannot jump to delivered', () => {
    const delivered: Commitment = { ...planned, status: 'delivered', evidence: 'x' };
    expect(() => progressCommitment(delivered, { status: 'in-progress', evidence: null, revisedDueOn: null, at })).toThrow(
      IllegalTransitionError,
    );
    expect(() => progressCommitment(delivered, { status: 'in-progress', evidence: null, revisedDueOn: null, at })).toThrow(
      refusal('commitment-already-delivered'),
    );
    expect(() => progressCommitment(planned, { status: 'delivered', evidence: 'x', revisedDueOn: null, at })).toThrow(
      refusal('commitment-not-started'),
    );
    expect(() => progressCommitment(planned, { status: 'slipped', evidence: null, revisedDueOn: null, at })).toThrow(
      refusal('commitment-not-started'),
    );
    const started: Commitment = { ...planned, status: 'in-progress' };
    expect(() => progressCommitment(started, { status: 'in-progress', evidence: null, revisedDueOn: null, at })).toThrow(
      refusal('commitment-already-in-progress'),
    );
    const slipped: Commitment = { ...planned, status: 'slipped' };
    expect(() => progressCommitment(slipped, { status: 'delivered', evidence: 'x', revisedDueOn: null, at })).toThrow(
      refusal('commitment-slipped'),
    );
  });

  it('needs evidence to deliver and a slip to revise the due day', () => {
    const started: Commitment = { ...planned, status: 'in-progress' };
    expect(() => progressCommitment(started, { status: 'delivered', evidence: null, revisedDueOn: null, at })).toThrow(
      MissingEvidenceError,
    );
    expect(() => progressCommitment(started, { status: 'delivered', evidence: null, revisedDueOn: null, at })).toThrow(
      refusal('evidence-missing', 'evidence'),
    );
    expect(() => progressCommitment(planned, { status: 'in-progress', evidence: null, revisedDueOn: '2026-09-01', at })).toThrow(
      refusal('revised-due-on-not-slipped', 'revisedDueOn'),
    );
  });

  it('takes no due day before today, Iran’s day (422 rules, not steps)', () => {
    const started: Commitment = { ...planned, status: 'in-progress' };
    // 2026-04-01T10:00Z is 1 April in Iran: the 31st of March has passed, the 1st has not.
    expect(() => progressCommitment(started, { status: 'slipped', evidence: null, revisedDueOn: '2026-03-31', at })).toThrow(
      refusal('revised-due-on-in-past', 'revisedDueOn'),
    );
    expect(progressCommitment(started, { status: 'slipped', evidence: null, revisedDueOn: '2026-04-01', at }).revisedDueOn).toBe(
      '2026-04-01',
    );
    expect(() => checkDueOn('2026-03-31', at)).toThrow(BrokenRuleError);
    expect(() => checkDueOn('2026-03-31', at)).toThrow(refusal('due-on-in-past', 'dueOn'));
    expect(() => checkDueOn('2026-04-01', at)).not.toThrow();
  });
});

describe('commitment overdue', () => {
  it('is overdue once its due day has passed without delivery', () => {
    expect(isCommitmentOverdue(planned, new Date('2026-05-01T20:29:00Z'))).toBe(false);
    expect(isCommitmentOverdue(planned, new Date('2026-05-01T20:30:00Z'))).toBe(true);
    expect(isCommitmentOverdue({ ...planned, status: 'delivered' }, new Date('2027-01-01T00:00:00Z'))).toBe(false);
  });

  it('measures a slipped commitment against its revised day', () => {
    const slipped: Commitment = { ...planned, status: 'slipped', revisedDueOn: '2026-07-01' };
    expect(isCommitmentOverdue(slipped, new Date('2026-06-01T00:00:00Z'))).toBe(false);
    expect(isCommitmentOverdue(slipped, new Date('2026-07-02T00:00:00Z'))).toBe(true);
  });
});
