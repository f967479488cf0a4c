import { addDays, dayOf } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import type { NeedCategory } from '@hamgam/contracts';
import { startTestService, type TestCaller, type TestService } from '@hamgam/service-kit/testing';
import type { CoordinationModels } from '../deps.js';
import { coordinationService } from '../service.js';

const names: Record<string, { fa: string; en: string }> = {
  'nbh-sarasiab': { fa: 'سرآسیاب', en: 'Sar Asiab' },
  'nbh-motahari': { fa: 'مطهری', en: 'Motahari' },
};

/**
 * Coordination on a throw-away FerretDB/MongoDB database with local signing keys and no broker, the
 * clinics' priorities for Sar Asiab and Motahari already heard, and the calls the API tests make.
 */
export async function startCoordination() {
  const service: TestService<CoordinationModels> = await startTestService(coordinationService);
  const clock = service.clock;
  const get = (path: string, as?: TestCaller) => service.api(as).get(path);
  const post = (path: string, as: TestCaller | undefined, body: object) => service.api(as).post(path, body);
  const put = (path: string, as: TestCaller | undefined, body: object) => service.api(as).put(path, body);
  const today = () => dayOf(clock.now());

  async function publishPriorities(neighbourhoodId: string, categories: NeedCategory[]) {
    await service.models.neighbourhoodPriorities.create({
      _id: neighbourhoodId,
      neighbourhoodId,
      neighbourhoodName: names[neighbourhoodId]!,
      countyId: 'kerman-county',
      clinicId: neighbourhoodId.replace('nbh-', 'clinic-'),
      period: '1405',
      listVersion: 1,
      publishedAt: new Date(),
      receivedAt: new Date(),
      sourceEventId: randomUUID(),
      priorities: categories.map((category, i) => ({ rank: i + 1, category, score: 10 - i, households: 5 - i })),
    });
  }
  await publishPriorities('nbh-sarasiab', ['workshop-space', 'skills-training', 'housing-repair']);
  await publishPriorities('nbh-motahari', ['employment']);

  const meetingBody = (neighbourhoodId = 'nbh-sarasiab') => ({
    neighbourhoodId,
    scheduledOn: today(),
    title: 'Sar Asiab working group',
    agencies: ['clinics', 'vocational-training', 'welfare'],
    representativeAttends: true,
    agenda: ['Workshop space for home-based jobs'],
  });
  /** A scheduled meeting's id. */
  const meeting = async (neighbourhoodId = 'nbh-sarasiab'): Promise<string> =>
    (await post('/meetings', 'coordinator', meetingBody(neighbourhoodId))).body.id;
  /** A resolution of a new meeting with one action item for welfare, due in `dueInDays`: its commitment's id. */
  async function actionItem(neighbourhoodId = 'nbh-sarasiab', dueInDays = 10): Promise<string> {
    const passed = await post(`/meetings/${await meeting(neighbourhoodId)}/resolutions`, 'coordinator', {
      text: 'Home visits',
      actionItems: [{ agency: 'welfare', title: 'Visit the households', dueOn: addDays(today(), dueInDays), answers: null }],
    });
    return passed.body.resolutions[0].actionItems[0].id;
  }

  return { service, clock, get, post, put, today, meetingBody, meeting, actionItem };
}

/** A refused call as tests assert it: its status, stable code and (for a broken rule) the field at fault. */
export async function refusal(call: PromiseLike<{ status: number; body: { code?: string; field?: string } }>) {
  const { status, body } = await call;
  return body.field === undefined ? { status, code: body.code } : { status, code: body.code, field: body.field };
}
