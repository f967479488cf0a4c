import { describe, expect, it } from 'vitest';
import { aCommitment } from '../../test/fixtures.js';
import { applyReport, canMove, checkCoordinatorReport, coordinatorReport, deliveredOnTime, isOverdue } from './commitments.js';

const report = (status: 'in-progress' | 'delivered' | 'slipped', at: string, extra: { evidence?: string; revisedDueOn?: string } = {}) => ({
  status,
  at: new Date(at),
  evidence: extra.evidence ?? null,
  revisedDueOn: extra.revisedDueOn ?? null,
  reportedBy: 'agency' as const,
});

describe('commitment state machine', () => {
  it('moves planned → in progress → delivered, recording evidence, the delivery day and the history', () => {
    const started = applyReport(aCommitment(), report('in-progress', '2026-04-05T08:00:00Z'));
    expect(started.applied).toBe(true);
    if (!started.applied) return;
    const done = applyReport(started.commitment, report('delivered', '2026-05-09T22:00:00Z', { evidence: '18 certificates' }));
    expect(done.applied).toBe(true);
    if (!done.applied) return;
    expect(done.commitment.status).toBe('delivered');
    expect(done.commitment.evidence).toBe('18 certificates');
    // 22:00 UTC is already the next day in Iran.
    expect(done.commitment.deliveredOn).toBe('2026-05-10');
    expect(done.commitment.history.map((h) => h.status)).toEqual(['in-progress', 'delivered']);
  });

  it('allows a slipped commitment to be taken up again or delivered, and keeps its new due day', () => {
    const slipped = applyReport(
      aCommitment({ status: 'in-progress' }),
      report('slipped', '2026-05-11T08:00:00Z', { revisedDueOn: '2026-06-01' }),
    );
    expect(slipped.applied && slipped.commitment.revisedDueOn).toBe('2026-06-01');
    if (!slipped.applied) return;
    expect(applyReport(slipped.commitment, report('in-progress', '2026-05-12T08:00:00Z')).applied).toBe(true);
    expect(applyReport(slipped.commitment, report('delivered', '2026-05-12T08:00:00Z')).applied).toBe(true);
  });

  it('refuses illegal transitions: nothing follows delivery, in progress cannot go back', () => {
    expect(applyReport(aCommitment({ status: 'delivered' }), report('slipped', '2026-05-11T08:00:00Z'))).toEqual({
      applied: false,
      reason: 'illegal-transition',
    });
    expect(canMove('in-progress', 'planned')).toBe(false);
    expect(canMove('delivered', 'in-progress')).toBe(false);
    expect(canMove('planned', 'delivered')).toBe(true);
  });

  it('ignores a report older than (or as old as) the last applied one, and a repeated status', () => {
    const stale = aCommitment({ status: 'in-progress', lastReportAt: new Date('2026-05-01T00:00:00Z') });
    expect(applyReport(stale, report('delivered', '2026-04-30T00:00:00Z'))).toEqual({ applied: false, reason: 'stale' });
    expect(applyReport(stale, report('delivered', '2026-05-01T00:00:00Z'))).toEqual({ applied: false, reason: 'stale' });
    expect(applyReport(aCommitment({ status: 'in-progress' }), report('in-progress', '2026-05-02T00:00:00Z'))).toEqual({
      applied: false,
      reason: 'unchanged',
    });
  });
});

describe('overdue rule', () => {
  const due = aCommitment({ dueOn: '2026-05-10' });

  it('is not overdue on its due day, in Iran time', () => {
    expect(isOverdue(due, new Date('2026-05-10T19:00:00Z'))).toBe(false);
    // 20:30 UTC on the 10th is already the 11th in Tehran (UTC+3:30).
    expect(isOverdue(due, new Date('2026-05-10T20:31:00Z'))).toBe(true);
  });

  it('is never overdue once delivered, and uses the revised day after a slip', () => {
    const later = new Date('2026-05-20T08:00:00Z');
    expect(isOverdue({ ...due, status: 'delivered' }, later)).toBe(false);
    expect(isOverdue({ ...due, status: 'slipped', revisedDueOn: '2026-06-01' }, later)).toBe(false);
    expect(isOverdue({ ...due, status: 'slipped', revisedDueOn: null }, later)).toBe(true);
    expect(isOverdue({ ...due, status: 'in-progress' }, later)).toBe(true);
  });

  it('measures on-time delivery against the day first agreed', () => {
    expect(deliveredOnTime({ ...due, status: 'delivered', deliveredOn: '2026-05-10' })).toBe(true);
    expect(deliveredOnTime({ ...due, status: 'delivered', deliveredOn: '2026-05-11' })).toBe(false);
    expect(deliveredOnTime({ ...due, status: 'in-progress', deliveredOn: null })).toBe(false);
  });
});

describe('a status a coordinator records', () => {
  const refusal = (code: string, field?: string) => expect.objectContaining({ code, ...(field ? { field } : {}) });
  const report = { at: new Date('2026-05-02T08:00:00Z'), evidence: null, reportedBy: 'coordinator' as const };

  it('takes a new due day only with a slip, and not before today (broken rules, 422)', () => {
    expect(() => checkCoordinatorReport({ status: 'in-progress', revisedDueOn: '2026-06-01' }, '2026-05-02')).toThrow(
      refusal('revised-due-on-not-slipped', 'revisedDueOn'),
    );
    expect(() => checkCoordinatorReport({ status: 'slipped', revisedDueOn: '2026-05-01' }, '2026-05-02')).toThrow(
      refusal('revised-due-on-in-past', 'revisedDueOn'),
    );
    expect(() => checkCoordinatorReport({ status: 'slipped', revisedDueOn: '2026-05-02' }, '2026-05-02')).not.toThrow();
    expect(() => checkCoordinatorReport({ status: 'delivered', revisedDueOn: null }, '2026-05-02')).not.toThrow();
  });

  it('must change the commitment: an outdated, unchanged or post-delivery report is a 409 by its reason', () => {
    const planned = aCommitment();
    expect(coordinatorReport(planned, { ...report, status: 'in-progress', revisedDueOn: null }).status).toBe('in-progress');
    const started = aCommitment({ status: 'in-progress', lastReportAt: new Date('2026-05-01T08:00:00Z') });
    expect(() => coordinatorReport(started, { ...report, status: 'in-progress', revisedDueOn: null })).toThrow(
      refusal('commitment-status-unchanged'),
    );
    expect(() =>
      coordinatorReport(started, { ...report, at: new Date('2026-04-30T08:00:00Z'), status: 'slipped', revisedDueOn: null }),
    ).toThrow(refusal('report-outdated'));
    expect(() => coordinatorReport(aCommitment({ status: 'delivered' }), { ...report, status: 'slipped', revisedDueOn: null })).toThrow(
      refusal('commitment-already-delivered'),
    );
  });
});
