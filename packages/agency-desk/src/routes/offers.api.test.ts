import type { PartnerAgency } from '@hamgam/contracts';
import type { Role } from '@hamgam/service-kit';
import { startTestService, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskModels } from '../data/models.js';
import { agencyDesk } from '../index.js';

// Two agencies' desks, each composed as its service composes it, on throw-away FerretDB/MongoDB databases.
function deskService(agency: PartnerAgency, role: Role) {
  const desk = agencyDesk({ agency, roles: [role] });
  return startTestService({ name: `${agency}-desk-test`, roles: [role], models: desk.models, outboxSources: desk.outboxSources, routes: desk.routes });
}

let tvto: TestService<DeskModels>;
let welfare: TestService<DeskModels>;

beforeAll(async () => {
  [tvto, welfare] = await Promise.all([deskService('vocational-training', 'tvto-staff'), deskService('welfare', 'welfare-officer')]);
});

afterAll(async () => {
  await Promise.all([tvto?.close(), welfare?.close()]);
});

const fields = {
  kind: 'social-care', title: { fa: 'پرونده مددکاری', en: 'Social work case' }, eligibility: { fa: 'خانوارها', en: 'Households' },
  answers: ['social-care'], neighbourhoodIds: [], place: { fa: 'اداره', en: 'Office' }, schedule: { fa: 'شنبه', en: 'Saturday' },
  startsOn: null, endsOn: null, capacity: 10, available: 10, status: 'open',
};

describe('offer ids are the agency’s own', () => {
  it('makes the id of a new offer, with the agency’s prefix: two agencies adding the same offer get two ids', async () => {
    const mine = await welfare.api('welfare').post('/desk/offers', fields);
    const theirs = await tvto.api('tvto').post('/desk/offers', fields);
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(mine.body.offerId).toMatch(/^welfare-social-work-case-[0-9a-f]{8}$/);
    expect(theirs.body.offerId).toMatch(/^tvto-social-work-case-[0-9a-f]{8}$/);
    const [event] = await welfare.outboxOf(welfare.models.offers.collection.collectionName, mine.body.offerId);
    expect(event).toMatchObject({ type: 'welfare.offer.published', data: { offerId: mine.body.offerId, agency: 'welfare' } });
  });

  it('refuses an id without the agency’s prefix (another agency’s), and stores nothing', async () => {
    const welfaresId = (await welfare.api('welfare').post('/desk/offers', fields)).body.offerId as string;
    const taken = await tvto.api('tvto').post('/desk/offers', { ...fields, offerId: welfaresId });
    expect(taken.status).toBe(400);
    expect(taken.body).toMatchObject({ code: 'offer-id-not-own', detail: 'vocational-training’s offer ids start with tvto-; leave offerId out to have one made' });
    expect(await tvto.models.offers.exists({ _id: welfaresId })).toBeNull();
    expect((await tvto.api('tvto').put(`/desk/offers/${welfaresId}`, fields)).status).toBe(404);
    // An integration keeping its own ids, with the prefix, still chooses them.
    const own = await tvto.api('tvto').post('/desk/offers', { ...fields, offerId: 'tvto-social-case-2' });
    expect(own.status).toBe(201);
    expect(own.body.offerId).toBe('tvto-social-case-2');
  });
});
