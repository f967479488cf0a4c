import type { EligibilityFlaggedV1, EligibilityRevokedV1, Envelope } from '@hamgam/contracts';
import { subscribe, type Subscription } from '@hamgam/service-kit';
import { blankFact, insertOnce, reassess } from '../app/facts.js';
import { reliefCollections } from '../data/models.js';
import type { ReliefDeps } from '../deps.js';

/** `welfare.eligibility.flagged`: the household's flag, kept revoked if its revocation came first. */
async function receiveFlag(deps: ReliefDeps, event: Envelope<EligibilityFlaggedV1>): Promise<void> {
  const { data } = event;
  const _id = `flag:${data.flagId}`;
  await deps.locks.run(reliefCollections.facts, _id, async () => {
    const fields = {
      householdRef: data.householdRef,
      flagId: data.flagId,
      flag: data.flag,
      validUntil: data.validUntil,
      flaggedAt: new Date(data.flaggedAt),
    };
    const created = await insertOnce(() =>
      deps.models.facts.create({ ...blankFact, ...fields, _id, kind: 'flag', receivedAt: deps.clock.now(), sourceEventId: event.id }),
    );
    if (!created) await deps.models.facts.updateOne({ _id, flag: null }, { $set: fields });
  });
  await reassess(deps, { householdRef: data.householdRef });
}

/** `welfare.eligibility.revoked`: the flag no longer counts (remembered even before the flag arrives). */
async function receiveRevocation(deps: ReliefDeps, event: Envelope<EligibilityRevokedV1>): Promise<void> {
  const { data } = event;
  const _id = `flag:${data.flagId}`;
  const revokedAt = new Date(data.revokedAt);
  await deps.locks.run(reliefCollections.facts, _id, async () => {
    const created = await insertOnce(() =>
      deps.models.facts.create({
        ...blankFact,
        _id,
        kind: 'flag',
        householdRef: data.householdRef,
        flagId: data.flagId,
        revokedAt,
        receivedAt: deps.clock.now(),
        sourceEventId: event.id,
      }),
    );
    if (!created) await deps.models.facts.updateOne({ _id, revokedAt: null }, { $set: { revokedAt } });
  });
  await reassess(deps, { householdRef: data.householdRef });
}

/** Welfare's eligibility flags of households, and their revocations (events may arrive in either order). */
export const welfareFlagSubscriptions = (deps: ReliefDeps): Subscription[] => [
  subscribe('welfare.eligibility.flagged', 1, (event) => receiveFlag(deps, event)),
  subscribe('welfare.eligibility.revoked', 1, (event) => receiveRevocation(deps, event)),
];
