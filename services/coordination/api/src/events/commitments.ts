import { partnerEventTypes, type PartnerAgency } from '@hamgam/contracts';
import { subscribe, type Subscription } from '@hamgam/service-kit';
import { applyAgencyReport, recordCommitment, type CommitmentDeps } from '../app/commitments.js';
import { commitmentFromActionItem } from '../domain/meetings.js';

const publisherOf = (type: string) => type.slice(0, type.indexOf('.')) as PartnerAgency;

/**
 * Commitments arrive three ways: the working group's own action items (normally written when the
 * resolution passes; the event repairs a stop in between), agencies' declarations, and agencies'
 * progress reports. An agency speaks only for itself: an event whose `agency` is not its publisher
 * is ignored.
 */
export function commitmentSubscriptions(deps: CommitmentDeps): Subscription[] {
  const assigned = subscribe('coordination.action-item.assigned', 1, async ({ data }) => {
    await recordCommitment(
      deps,
      commitmentFromActionItem(
        { id: data.actionItemId, agency: data.agency, title: data.title, dueOn: data.dueOn, answers: data.answers },
        {
          neighbourhoodId: data.neighbourhoodId,
          meetingId: data.meetingId,
          resolutionId: data.resolutionId,
          assignedAt: new Date(data.assignedAt),
        },
      ),
    );
  });
  const declared = partnerEventTypes('commitment.declared').map((type) =>
    subscribe(type, 1, async ({ data }, { log }) => {
      if (data.agency !== publisherOf(type)) {
        log.warn({ type, agency: data.agency }, 'commitment declared for another agency; ignored');
        return;
      }
      await recordCommitment(deps, {
        id: data.commitmentId,
        source: 'agency',
        agency: data.agency,
        neighbourhoodId: data.neighbourhoodId,
        answers: data.answers,
        title: data.title,
        dueOn: data.dueOn,
        revisedDueOn: null,
        status: 'planned',
        evidence: null,
        plannedAt: new Date(data.declaredAt),
        deliveredOn: null,
        lastReportAt: null,
        meetingId: null,
        resolutionId: null,
        history: [],
      });
    }),
  );
  const progressed = partnerEventTypes('commitment.progressed').map((type) =>
    subscribe(type, 1, async ({ id, data }, { log }) => {
      if (data.agency !== publisherOf(type)) {
        log.warn({ type, agency: data.agency }, 'progress reported for another agency; ignored');
        return;
      }
      const outcome = await applyAgencyReport(deps, id, data);
      if (typeof outcome === 'string' || !outcome.applied)
        log.info(
          { commitmentId: data.commitmentId, outcome: typeof outcome === 'string' ? outcome : outcome.reason },
          'progress report not applied now',
        );
    }),
  );
  return [assigned, ...declared, ...progressed];
}
