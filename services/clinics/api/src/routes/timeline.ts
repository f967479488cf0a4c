import { defineRoute } from '@hamgam/service-kit';
import { z } from 'zod';
import { residentTimeline } from '../app/timeline.js';
import type { ClinicsDeps } from '../deps.js';
import { uuidParams } from './schemas/common.js';
import { timelineEntrySchema } from './schemas/referrals.js';

/** A resident's timeline, for the staff of their own clinic. */
export function timelineRoutes({ models }: Pick<ClinicsDeps, 'models'>) {
  return [
    defineRoute({
      method: 'get',
      path: '/residents/:id/timeline',
      summary:
        'Everything that happened in a resident’s matters (referrals and their steps, and the agencies’ outcomes: enrolments, completions, the household’s eligibility, support, benefits), newest first — own clinic staff only',
      roles: ['clinic-worker'],
      params: uuidParams,
      response: z.array(timelineEntrySchema),
      handler: ({ params, principal }) => residentTimeline(models, principal, params.id),
    }),
  ];
}
