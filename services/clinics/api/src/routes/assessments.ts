import { randomUUID } from 'node:crypto';
import { assertClinicInScope, assertNeighbourhoodInScope, badRequest, defineRoute, pageOf, pageQuerySchema } from '@hamgam/service-kit';
import { z } from 'zod';
import type { ClinicsModels } from '../deps.js';
import { assessmentSchema, neighbourhoodIdParams, newAssessmentSchema } from './schemas.js';

export function assessmentRoutes(models: ClinicsModels) {
  return [
    defineRoute({
      method: 'post',
      path: '/assessments',
      summary: 'Record (or replace) a household’s needs assessment',
      roles: ['clinic-worker'],
      body: newAssessmentSchema,
      response: assessmentSchema,
      status: 201,
      handler: async ({ body, principal }) => {
        assertClinicInScope(principal, body.clinicId);
        const clinic = await models.clinics.findById(body.clinicId).lean();
        if (!clinic || clinic.neighbourhoodId !== body.neighbourhoodId) {
          throw badRequest(`clinic ${body.clinicId} does not serve neighbourhood ${body.neighbourhoodId}`);
        }
        // An assessment is of a registered household of this clinic: its householdRef is the household's id.
        const household = await models.households.findById(body.householdRef, { clinicId: 1 }).lean();
        if (!household || household.clinicId !== body.clinicId) {
          throw badRequest(`household ${body.householdRef} is not registered at clinic ${body.clinicId}`, { errors: [{ path: 'householdRef', message: 'not a household of this clinic' }] });
        }
        const saved = await models.assessments.findOneAndUpdate(
          { neighbourhoodId: body.neighbourhoodId, householdRef: body.householdRef },
          { $set: { clinicId: body.clinicId, needs: body.needs, recordedBy: principal.subject, createdAt: new Date() }, $setOnInsert: { _id: randomUUID() } },
          { upsert: true, new: true, lean: true },
        );
        return { id: saved!._id, clinicId: saved!.clinicId, neighbourhoodId: saved!.neighbourhoodId, householdRef: saved!.householdRef, needs: saved!.needs, createdAt: saved!.createdAt };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/neighbourhoods/:id/assessments',
      summary: 'Needs assessments recorded in a neighbourhood (household level: clinic staff and coordinators only), newest first; paged',
      roles: ['clinic-worker', 'coordinator', 'auditor'],
      params: neighbourhoodIdParams,
      query: pageQuerySchema,
      response: z.array(assessmentSchema),
      handler: async ({ params, principal, query, req }, res) => {
        assertNeighbourhoodInScope(principal, params.id);
        const rows = await pageOf(models.assessments.find({ neighbourhoodId: params.id }).lean(), { query, req }, res, { by: 'createdAt', order: -1 });
        return rows.map(({ _id, clinicId, neighbourhoodId, householdRef, needs, createdAt }) => ({ id: _id, clinicId, neighbourhoodId, householdRef, needs, createdAt }));
      },
    }),
  ];
}
