import type { AccessLogSource } from '@hamgam/service-kit';
import type { StoredAccess } from '../data/access-log.js';
import { agency, type ClinicsModels } from '../deps.js';

/**
 * The clinics kept a resident access log before the kit had one; its entries stay where they are and the
 * auditor reads them through the kit's routes, in the kit's shape: the person is the resident, the user
 * the realm username. Why: the purpose the route recorded (a duplicate check's `registration`), else the
 * clinic's own care of its registered residents.
 */
export const clinicsAccessLog = (models: Pick<ClinicsModels, 'accessLog'>): AccessLogSource<StoredAccess> => ({
  model: models.accessLog,
  fields: { subject: 'residentId', actor: 'actorName', at: 'at' },
  toView: (e) => ({
    id: e._id,
    at: e.at,
    agency,
    actor: e.actorName,
    // Not recorded by this log: the roles of a clinic's access are those of clinic staff.
    actorRoles: [],
    action: e.action,
    recordKind: 'resident',
    recordId: e.residentId,
    subject: e.residentId,
    purpose: e.purpose ?? 'clinic-care',
    purposeSource: 'route',
  }),
});
