import { caps, defineRoute, pageOf, readAll } from '@hamgam/service-kit';
import { z } from 'zod';
import { addMaster, checkProgress, finishPlacement, place } from '../app/apprenticeships.js';
import { marksOf, residentMarks, type ResidentMarks } from '../app/refs.js';
import type { StoredMaster } from '../data/masters.js';
import type { StoredPlacement } from '../data/placements.js';
import { readers, staff, type VtDeps } from '../deps.js';
import {
  finishBodySchema,
  masterParams,
  masterViewSchema,
  newMasterSchema,
  placeBodySchema,
  placementParams,
  placementQuerySchema,
  placementViewSchema,
  progressBodySchema,
} from './schemas.js';

const masterView = ({ _id, seatHolders: _h, seats, createdAt: _c, ...m }: StoredMaster) => ({
  ...m,
  masterId: _id,
  placed: seats,
  available: Math.max(0, m.capacity - seats),
});
/** A placement as staff see it; `unverified` and `referralCode` from residentMarks (its resident no clinic referred to TVTO; the referral's code that names them). */
const placementView = ({ _id, seatKey: _k, createdBy: _b, ...p }: StoredPlacement, marks: ResidentMarks) => ({
  ...p,
  placementId: _id,
  ...marksOf(marks, _id),
});

export function apprenticeshipRoutes(deps: VtDeps) {
  const { masters, placements } = deps.models;
  const viewed = async (placement: StoredPlacement) => placementView(placement, await residentMarks(deps, [placement]));
  return [
    defineRoute({
      method: 'get',
      path: '/apprenticeships/masters',
      summary: 'Guild masters who take apprentices, with their places taken and free',
      tags: ['apprenticeships'],
      roles: readers,
      response: z.array(masterViewSchema),
      // The guild masters taking apprentices (tens to hundreds): read whole, bounded.
      handler: async () => (await readAll(masters.find().sort({ trade: 1, _id: 1 }).lean(), caps.reference)).map(masterView),
    }),
    defineRoute({
      method: 'post',
      path: '/apprenticeships/masters',
      summary: 'Register a guild master (guild, trade, capacity, workshop neighbourhood)',
      tags: ['apprenticeships'],
      roles: staff,
      body: newMasterSchema,
      response: masterViewSchema,
      status: 201,
      handler: async ({ body }) => masterView(await addMaster(deps, body)),
    }),
    defineRoute({
      method: 'get',
      path: '/apprenticeships/placements',
      summary:
        'Placements of residents with masters and their monthly progress, newest first (or oldest); filter by master and state; paged',
      tags: ['apprenticeships'],
      roles: readers,
      query: placementQuerySchema,
      response: z.array(placementViewSchema),
      handler: async ({ query, req }, res) => {
        const filter = { ...(query.masterId ? { masterId: query.masterId } : {}), ...(query.state ? { state: query.state } : {}) };
        const rows = await pageOf(placements.find(filter).lean(), { query, req }, res, {
          by: 'startedOn',
          order: query.order === 'asc' ? 1 : -1,
        });
        const marks = await residentMarks(deps, rows);
        return rows.map((p) => placementView(p, marks));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/apprenticeships/masters/:masterId/placements',
      summary:
        'Place a resident with a master: from an accepted apprenticeship referral or directly (a resident ref no clinic referral named is kept, marked unverified); the master’s capacity is enforced',
      tags: ['apprenticeships'],
      roles: staff,
      params: masterParams,
      body: placeBodySchema,
      response: placementViewSchema,
      status: 201,
      handler: async ({ params, body, cause }) => viewed(await place(deps, params.masterId, body, cause)),
    }),
    defineRoute({
      method: 'post',
      path: '/apprenticeships/placements/:placementId/progress',
      summary: 'The monthly progress check of an active placement (rating 1–5 and a note; one per month)',
      tags: ['apprenticeships'],
      roles: staff,
      params: placementParams,
      body: progressBodySchema,
      response: placementViewSchema,
      handler: async ({ params, body, principal }) => viewed(await checkProgress(deps, params.placementId, body, principal.subject)),
    }),
    defineRoute({
      method: 'post',
      path: '/apprenticeships/placements/:placementId/finish',
      summary:
        'Complete (after at least one progress check) or withdraw a placement; frees the place and completes the referral it answered',
      tags: ['apprenticeships'],
      roles: staff,
      params: placementParams,
      body: finishBodySchema,
      response: placementViewSchema,
      handler: async ({ params, body, cause }) => viewed(await finishPlacement(deps, params.placementId, body.state, cause)),
    }),
  ];
}
