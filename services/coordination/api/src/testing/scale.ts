import { demoUuid, scalePlaces } from '@hamgam/demo-data';
import { needCategories, partnerAgencies } from '@hamgam/contracts';
import { addDays } from '@hamgam/contracts/days';
import type { CoordinationModels } from '../deps.js';

const dayMs = 86_400_000;
const batchSize = 2_000;
const statuses = ['planned', 'in-progress', 'delivered', 'slipped'] as const;

/**
 * The working group's records for a province of `households` households, for `npm run bench:scale`:
 * each neighbourhood's published priorities, a meeting per 500 households and a commitment per 20
 * (every status; a third of the open ones past their day), spread over the province's `scalePlaces`.
 */
export async function seedScaleProgramme(models: CoordinationModels, households: number, now = new Date()): Promise<void> {
  const places = scalePlaces(households);
  await models.neighbourhoodPriorities.insertMany(
    places.map(({ clinicId, neighbourhoodId }, n) => ({
      _id: neighbourhoodId,
      neighbourhoodId,
      neighbourhoodName: { fa: `محله ${n}`, en: `Neighbourhood ${n}` },
      countyId: 'county-kerman',
      clinicId,
      period: '1405',
      listVersion: 1,
      publishedAt: now,
      receivedAt: now,
      sourceEventId: demoUuid('scale-list', n),
      priorities: needCategories.slice(0, 6).map((category, rank) => ({
        rank: rank + 1,
        category,
        score: 100 - rank * 10,
        households: Math.round(households / places.length / (rank + 2)),
      })),
    })),
  );
  const meetings = Array.from({ length: Math.max(1, Math.round(households / 500)) }, (_, m) => ({
    _id: demoUuid('scale-meeting', m),
    neighbourhoodId: places[m % places.length]!.neighbourhoodId,
    scheduledOn: addDays(now, -(m % 300)),
    title: `Meeting ${m}`,
    agencies: [...partnerAgencies],
    representativeAttends: true,
    agenda: [],
    minutes: '',
    status: 'held',
    heldAt: new Date(now.getTime() - (m % 300) * dayMs),
    overdueAtHeld: [],
    resolutions: [],
    createdBy: 'scale-seed',
    createdAt: now,
    outbox: [],
  }));
  await models.meetings.insertMany(meetings);
  const total = Math.round(households / 20);
  for (let start = 0; start < total; start += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, total - start) }, (_, i) => {
      const c = start + i;
      const status = statuses[c % statuses.length]!;
      const dueOn = addDays(now, (c % 3 === 0 ? -1 : 1) * (1 + (c % 90)));
      return {
        _id: demoUuid('scale-commitment', c),
        source: c % 2 ? 'agency' : 'working-group',
        agency: partnerAgencies[c % partnerAgencies.length]!,
        neighbourhoodId: places[c % places.length]!.neighbourhoodId,
        answers: needCategories[c % 6]!,
        title: `Commitment ${c}`,
        dueOn,
        revisedDueOn: null,
        status,
        evidence: null,
        plannedAt: new Date(now.getTime() - 120 * dayMs),
        deliveredOn: status === 'delivered' ? dueOn : null,
        lastReportAt: null,
        meetingId: c % 2 ? null : meetings[c % meetings.length]!._id,
        resolutionId: null,
        history: [],
      };
    });
    await models.commitments.insertMany(batch);
  }
}
