import { randomUUID } from 'node:crypto';
import { startTestService, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Models } from '../deps.js';
import { welfareService } from '../service.js';

/** Two replicas of welfare — two service instances, one database: a household has one open case, however requests spread. */
let one: TestService<Models>;
let two: TestService<Models>;

beforeAll(async () => {
  one = await startTestService(welfareService);
  two = await startTestService(welfareService, { MONGO_URL: one.config.MONGO_URL });
}, 60_000);

afterAll(async () => {
  await two?.mongo.close();
  await one?.close();
});

const openCases = async (householdRef: string) =>
  (await one.models.cases.find({ householdRef }, { state: 1 }).limit(100).lean()).filter((c) => c.state !== 'closed');

describe('with two replicas', { timeout: 30_000 }, () => {
  it('a household never has two open cases', async () => {
    const households = Array.from({ length: 5 }, () => randomUUID());
    const statuses = await Promise.all(
      households.flatMap((householdRef) =>
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? two : one)
            .api(i % 4 < 2 ? 'welfare' : 'welfare2')
            .post('/cases', { householdRef, neighbourhoodId: 'nbh-sarasiab' })
            .then((r) => r.status),
        ),
      ),
    );
    for (const householdRef of households) expect(await openCases(householdRef)).toHaveLength(1);
    expect(statuses.filter((s) => s === 201)).toHaveLength(households.length);
  });

  it('reopening a closed case is refused while the household has another open case', async () => {
    const householdRef = randomUUID();
    const first = await one.api('welfare').post('/cases', { householdRef, neighbourhoodId: 'nbh-sarasiab' });
    expect(first.status).toBe(201);
    expect((await one.api('welfare').post(`/cases/${first.body.caseId}/close`, { reason: 'moved' })).status).toBe(200);
    expect((await two.api('welfare').post('/cases', { householdRef, neighbourhoodId: 'nbh-sarasiab' })).status).toBe(201);
    expect((await one.api('welfare').post(`/cases/${first.body.caseId}/reopen`, { reason: 'The household asked again' })).status).toBe(409);
    expect(await openCases(householdRef)).toHaveLength(1);
  });
});
