import type { Commitment } from '../src/domain/commitments.js';

/** A planned working-group commitment of TVTO for Sar Asiab's skills training, due 2026-05-10. */
export function aCommitment(overrides: Partial<Commitment> = {}): Commitment {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    source: 'working-group',
    agency: 'vocational-training',
    neighbourhoodId: 'nbh-sarasiab',
    answers: 'skills-training',
    title: 'Tailoring course',
    dueOn: '2026-05-10',
    revisedDueOn: null,
    status: 'planned',
    evidence: null,
    plannedAt: new Date('2026-04-01T08:00:00Z'),
    deliveredOn: null,
    lastReportAt: null,
    meetingId: null,
    resolutionId: null,
    history: [],
    ...overrides,
  };
}
