import { partnerEventTypes } from '@hamgam/contracts';
import { subscribe, type Subscription } from '@hamgam/service-kit';
import { applyAgencyStep } from '../app/referrals.js';
import type { ClinicsDeps } from '../deps.js';

const agencyOf = (type: string) => type.split('.')[0]!;

/** The agencies' answers to the clinics' referrals (accepted, declined, completed), from all four agencies. */
export function referralAnswerSubscriptions(deps: ClinicsDeps): Subscription[] {
  const note = (log: { debug: (o: object, m: string) => void }, referralId: string, step: string, result: string) =>
    log.debug({ referralId, step, result }, 'referral answer');
  return [
    ...partnerEventTypes('referral.accepted').map((type) =>
      subscribe(type, 1, async ({ id, data }, { log }) => {
        const result = await applyAgencyStep(deps, {
          referralId: data.referralId,
          agency: agencyOf(type),
          step: 'accepted',
          at: new Date(data.acceptedAt),
          eventId: id,
          completeBy: data.completeBy,
        });
        note(log, data.referralId, 'accepted', result);
      }),
    ),
    ...partnerEventTypes('referral.declined').map((type) =>
      subscribe(type, 1, async ({ id, data }, { log }) => {
        const result = await applyAgencyStep(deps, {
          referralId: data.referralId,
          agency: agencyOf(type),
          step: 'declined',
          at: new Date(data.declinedAt),
          eventId: id,
          reason: data.reason,
        });
        note(log, data.referralId, 'declined', result);
      }),
    ),
    ...partnerEventTypes('referral.completed').map((type) =>
      subscribe(type, 1, async ({ id, data }, { log }) => {
        const result = await applyAgencyStep(deps, {
          referralId: data.referralId,
          agency: agencyOf(type),
          step: 'completed',
          at: new Date(data.completedAt),
          eventId: id,
          outcome: data.outcome,
        });
        note(log, data.referralId, 'completed', result);
      }),
    ),
  ];
}
