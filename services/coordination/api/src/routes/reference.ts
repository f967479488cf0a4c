import { agencyNames, localizedNameSchema, partnerAgencies } from '@hamgam/contracts';
import { defineRoute } from '@hamgam/service-kit';
import { z } from 'zod';
import { programmeReaders } from '../deps.js';
import { agencyIdSchema } from './schemas.js';

const agencySchema = z.object({
  id: agencyIdSchema,
  name: localizedNameSchema,
  /** A partner agency commits actions (an action item's owner); the others are only invited to meetings. */
  partner: z.boolean(),
});

/** Reference data the module's forms pick from, named in both languages (never a slug on screen). */
export function referenceRoutes() {
  return [
    defineRoute({
      method: 'get',
      path: '/agencies',
      summary:
        'The programme’s agencies by name (fa/en): the partners an action item or commitment belongs to, and those a meeting may invite',
      roles: programmeReaders,
      response: z.array(agencySchema),
      handler: async () =>
        Object.entries(agencyNames).map(([id, name]) => ({
          id: id as keyof typeof agencyNames,
          name,
          partner: (partnerAgencies as readonly string[]).includes(id),
        })),
    }),
  ];
}
