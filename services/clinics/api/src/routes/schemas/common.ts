import { slugIdSchema } from '@hamgam/contracts';
import { z } from 'zod';

/** Path parameters the clinics' routes share: a record's uuid, a clinic's or a neighbourhood's slug. */
export const uuidParams = z.object({ id: z.uuid() }).strict();
export const clinicIdParams = z.object({ id: slugIdSchema }).strict();
export const neighbourhoodIdParams = z.object({ id: slugIdSchema }).strict();
