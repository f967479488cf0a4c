import { addDays } from '@hamgam/contracts/days';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vocationalTrainingService } from '../service.js';
import { startTvto, type TvtoTestService } from '../testing/harness.js';

/**
 * Two replicas of TVTO — two service instances, one database — taking requests at once: course seats
 * and a guild master's places must hold across them (the lease in the store, not a process's lock).
 */
let one: TvtoTestService;
let two: TvtoTestService;

beforeAll(async () => {
  one = await startTvto();
  two = await startTvto({ MONGO_URL: one.config.MONGO_URL, PERMITS_PII_ENCRYPTION_KEY: one.config.PERMITS_PII_ENCRYPTION_KEY });
}, 60_000);

afterAll(async () => {
  await two?.mongo.close();
  await one?.close();
});

const replica = (i: number) => (i % 2 ? two : one);

const course = (courseId: string, capacity: number) => ({
  courseId,
  title: { fa: 'خیاطی', en: 'Tailoring' },
  trade: 'tailoring',
  level: 'beginner',
  hours: 60,
  sessions: 5,
  venue: { kind: 'private-institute', id: 'inst-negin' },
  venueName: { fa: 'نگین', en: 'Negin' },
  schedule: { fa: 'شنبه', en: 'Saturday' },
  startsOn: addDays(one.clock.now(), 7),
  endsOn: addDays(one.clock.now(), 60),
  capacity,
  eligibility: { fa: 'همه', en: 'All' },
});

describe('with two replicas', { timeout: 30_000 }, () => {
  it('a course never takes more enrolments than its seats', async () => {
    expect((await one.api('tvto').post('/courses', course('tvto-c-replicas', 3))).status).toBe(201);
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        replica(i)
          .api('tvto')
          .post('/courses/tvto-c-replicas/enrolments', { residentRef: null, neighbourhoodId: 'nbh-fajr' })
          .then((r) => r.status),
      ),
    );
    const enrolments = await one.models.enrolments.find({ courseId: 'tvto-c-replicas' }, { _id: 1 }).limit(1000).lean();
    const stored = (await one.models.courses.findById('tvto-c-replicas').lean())!;
    expect(enrolments).toHaveLength(3);
    expect(stored.seats).toBe(3);
    expect([...stored.seatHolders].sort()).toEqual(enrolments.map((e) => e._id).sort());
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
  });

  it('a guild master never takes more apprentices than their places', async () => {
    const master = {
      masterId: 'm-replicas',
      name: 'Ostad',
      guild: { fa: 'صنف', en: 'Guild' },
      trade: 'carpentry',
      neighbourhoodId: 'nbh-fajr',
      capacity: 2,
    };
    expect((await one.api('tvto').post('/apprenticeships/masters', master)).status).toBe(201);
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        replica(i)
          .api('tvto')
          .post('/apprenticeships/masters/m-replicas/placements', {})
          .then((r) => r.status),
      ),
    );
    const placements = await one.models.placements.find({ masterId: 'm-replicas' }, { _id: 1 }).limit(1000).lean();
    const stored = (await one.models.masters.findById('m-replicas').lean())!;
    expect(placements).toHaveLength(2);
    expect(stored.seats).toBe(2);
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
  });

  it('a replica starting (its seat repair) while the other enrols loses no seat and adds none', async () => {
    expect((await one.api('tvto').post('/courses', course('tvto-c-restart', 40))).status).toBe(201);
    const enrolling = Promise.all(
      Array.from({ length: 16 }, () =>
        one
          .api('tvto')
          .post('/courses/tvto-c-restart/enrolments', { residentRef: null, neighbourhoodId: 'nbh-fajr' })
          .then((r) => r.status),
      ),
    );
    // The other replica's start-up repairs, several times over, while the first one is enrolling.
    for (let i = 0; i < 4; i++) await vocationalTrainingService.reference!(two.models, two.deps);
    expect((await enrolling).every((s) => s === 201)).toBe(true);
    const enrolments = await one.models.enrolments.find({ courseId: 'tvto-c-restart' }, { _id: 1 }).limit(1000).lean();
    const stored = (await one.models.courses.findById('tvto-c-restart').lean())!;
    expect(enrolments).toHaveLength(16);
    expect([...stored.seatHolders].sort()).toEqual(enrolments.map((e) => e._id).sort());
    expect(stored.seats).toBe(16);
  });
});
