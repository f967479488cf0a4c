import type { PartnerAgency } from '@hamgam/contracts';
import type { Role } from '@hamgam/service-kit';
import { startTestService, testCallers, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskModels } from '../data/models.js';
import { agencyDesk } from '../index.js';

// Two agencies' desks, each composed as its service composes it (the service is named after its agency),
// on throw-away FerretDB/MongoDB databases.
function deskService(agency: PartnerAgency, role: Role) {
  const desk = agencyDesk({ agency, roles: [role] });
  return startTestService({ name: agency, roles: [role], models: desk.models, outboxSources: desk.outboxSources, routes: desk.routes });
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
  kind: 'social-care',
  title: { fa: 'پرونده مددکاری', en: 'Social work case' },
  eligibility: { fa: 'خانوارها', en: 'Households' },
  answers: ['social-care'],
  neighbourhoodIds: [],
  place: { fa: 'اداره', en: 'Office' },
  schedule: { fa: 'شنبه', en: 'Saturday' },
  startsOn: null,
  endsOn: null,
  capacity: 10,
  available: 10,
  status: 'open',
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
    // The request's cause (the kit's ctx.cause) names the caller and the service, which is the desk's agency.
    expect(event!.actor).toEqual({ subject: testCallers.welfare.sub, agency: 'welfare' });
  });

  it('refuses an id without the agency’s prefix (another agency’s), and stores nothing', async () => {
    const welfaresId = (await welfare.api('welfare').post('/desk/offers', fields)).body.offerId as string;
    const taken = await tvto.api('tvto').post('/desk/offers', { ...fields, offerId: welfaresId });
    expect(taken.status).toBe(422);
    expect(taken.body).toMatchObject({
      code: 'offer-id-not-own',
      field: 'offerId',
      detail: 'vocational-training’s offer ids start with tvto-; leave offerId out to have one made',
    });
    expect(await tvto.models.offers.exists({ _id: welfaresId })).toBeNull();
    expect((await tvto.api('tvto').put(`/desk/offers/${welfaresId}`, fields)).status).toBe(404);
    // An integration keeping its own ids, with the prefix, still chooses them.
    const own = await tvto.api('tvto').post('/desk/offers', { ...fields, offerId: 'tvto-social-case-2' });
    expect(own.status).toBe(201);
    expect(own.body.offerId).toBe('tvto-social-case-2');
  });

  it('answers a broken offer rule with 422 and its code and field, an id taken with 409, and stores nothing', async () => {
    const over = await welfare.api('welfare').post('/desk/offers', { ...fields, offerId: 'welfare-over', capacity: 3, available: 4 });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'available-exceeds-capacity', field: 'available' });
    expect(await welfare.models.offers.exists({ _id: 'welfare-over' })).toBeNull();
    expect((await welfare.api('welfare').post('/desk/offers', { ...fields, offerId: 'welfare-twice' })).status).toBe(201);
    const twice = await welfare.api('welfare').post('/desk/offers', { ...fields, offerId: 'welfare-twice' });
    expect([twice.status, twice.body.code]).toEqual([409, 'offer-exists']);
    const stale = await welfare.api('welfare').put('/desk/offers/welfare-twice', { ...fields, basedOnRevision: 7 });
    expect([stale.status, stale.body.code]).toEqual([409, 'offer-changed-meanwhile']);
    const missing = await welfare.api('welfare').put('/desk/offers/welfare-nothing', fields);
    expect([missing.status, missing.body.code]).toEqual([404, 'offer-not-found']);
  });
});

describe('the catalogue list', () => {
  it('finds offers by words of the title in either language (any case, Arabic ی/ک as Persian; typed text is literal), by kind and status', async () => {
    const made = async (title: { fa: string; en: string }, extra: object = {}) =>
      (await tvto.api('tvto').post('/desk/offers', { ...fields, kind: 'course', title, ...extra })).body.offerId as string;
    const tailoring = await made({ fa: 'دوره خیاطی خانگی', en: 'Home tailoring course' });
    const welding = await made({ fa: 'دوره جوشکاری', en: 'Welding course (2)' }, { status: 'closed' });
    const ids = async (query: string) =>
      ((await tvto.api('tvto').get(`/desk/offers?${query}`)).body as { offerId: string }[]).map((o) => o.offerId);
    expect(await ids(`q=${encodeURIComponent('خياطي')}`)).toEqual([tailoring]);
    expect(await ids('q=TAILORING')).toEqual([tailoring]);
    expect(await ids(`q=${encodeURIComponent('(2)')}`)).toEqual([welding]);
    expect(await ids(`q=${encodeURIComponent('.*')}`)).toEqual([]);
    expect(await ids('kind=course&status=closed')).toEqual([welding]);
    expect((await tvto.api('tvto').get('/desk/offers?kind=spaceship')).status).toBe(400);
  });
});
