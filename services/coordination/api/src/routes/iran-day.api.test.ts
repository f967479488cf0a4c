import type { AdjustableClock } from '@hamgam/service-kit';
import { startTestService, type TestCaller as Who, type TestService } from '@hamgam/service-kit/testing';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoordinationModels } from '../deps.js';
import { coordinationService } from '../service.js';

let service: TestService<CoordinationModels>;
let clock: AdjustableClock;
const call = async (method: 'get' | 'post' | 'put', path: string, as: Who, body?: object) =>
  request(service.app)
    [method](`/api/v1${path}`)
    .set('Authorization', `Bearer ${await service.token(as)}`)
    .send(body);

beforeAll(async () => {
  service = await startTestService(coordinationService);
  clock = service.clock;
}, 30_000);
afterEach(() => clock.reset());
afterAll(async () => {
  await service?.close();
});

// 21 March 2026 in Iran runs from 20:30Z on the 20th to 20:30Z on the 21st (issue 12).
describe('the working group’s days just after midnight and late in the evening in Iran', () => {
  for (const [label, now] of [
    ['00:30', '2026-03-20T21:00:00Z'],
    ['23:30', '2026-03-21T20:00:00Z'],
  ] as const) {
    it(`at ${label} Iran time takes a meeting today with action due today, refuses action due yesterday, and counts nothing due today as overdue`, async () => {
      clock.setTo(new Date(now));
      const meeting = await call('post', '/meetings', 'coordinator', {
        neighbourhoodId: 'nbh-sarasiab',
        scheduledOn: '2026-03-21',
        title: 'Sar Asiab working group',
        agencies: ['clinics', 'welfare'],
        representativeAttends: false,
        agenda: [],
      });
      expect(meeting.status).toBe(201);
      const resolve = (dueOn: string) =>
        call('post', `/meetings/${meeting.body.id}/resolutions`, 'coordinator', {
          text: 'Home visits this week',
          actionItems: [{ agency: 'welfare', title: 'Visit the households', dueOn, answers: null }],
        });
      expect((await resolve('2026-03-20')).status).toBe(422);
      const passed = await resolve('2026-03-21');
      expect(passed.status).toBe(201);
      const item = passed.body.resolutions[0].actionItems[0];
      expect(
        (await call('put', `/commitments/${item.id}/status`, 'coordinator', { status: 'slipped', revisedDueOn: '2026-03-20' })).status,
      ).toBe(422);
      const slipped = await call('put', `/commitments/${item.id}/status`, 'coordinator', { status: 'slipped', revisedDueOn: '2026-03-21' });
      expect(slipped.body).toMatchObject({ effectiveDueOn: '2026-03-21', overdue: false });
    });
  }
});
