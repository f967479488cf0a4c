import type { EnrolmentCompletedV1, Envelope } from '@hamgam/contracts';
import { subscribe, type Subscription } from '@hamgam/service-kit';
import { blankFact, insertOnce, reassess } from '../app/facts.js';
import type { ReliefDeps } from '../deps.js';

/** `vocational-training.enrolment.completed`: a passed course is a skills certificate of the resident. */
async function receiveCompletion(deps: ReliefDeps, event: Envelope<EnrolmentCompletedV1>): Promise<void> {
  const { data } = event;
  if (data.result !== 'passed') return;
  await insertOnce(() =>
    deps.models.facts.create({
      ...blankFact,
      _id: `certificate:${data.enrolmentId}`,
      kind: 'certificate',
      residentRef: data.residentRef,
      householdRef: data.householdRef,
      neighbourhoodId: data.neighbourhoodId,
      trade: data.trade,
      certificateNo: data.certificateNo,
      completedAt: new Date(data.completedAt),
      receivedAt: deps.clock.now(),
      sourceEventId: event.id,
    }),
  );
  // Also after a duplicate: a crash may have come between the fact and the reassessment.
  await reassess(deps, { residentRef: data.residentRef });
}

/** TVTO's course completions: a passed course is a certificate, half of what makes a request eligible. */
export const certificateSubscriptions = (deps: ReliefDeps): Subscription[] => [
  subscribe('vocational-training.enrolment.completed', 1, (event) => receiveCompletion(deps, event)),
];
