import { caps, defineRoute, inList, pageOf, readAll, type PageContext, type Principal } from '@hamgam/service-kit';
import { z } from 'zod';
import { applyCoordinatorReport, toCommitment } from '../app/commitments.js';
import { contentTypes, toCsv, toXlsx } from '../app/files.js';
import { effectiveDueOn, isOverdue, type Commitment } from '../domain/commitments.js';
import { commitmentsTable, type ExportLang } from '../domain/exports.js';
import { programmeReaders, programmeWriters, type CoordinationDeps, type CoordinationModels } from '../deps.js';
import { assertCanReadNeighbourhood, canReadNeighbourhood, seesEveryNeighbourhood } from './scope.js';
import {
  commitmentExportQuerySchema,
  commitmentFilterSchema,
  commitmentListQuerySchema,
  commitmentViewSchema,
  fileSchema,
  idParams,
  statusUpdateSchema,
} from './schemas.js';

type Filter = z.infer<typeof commitmentFilterSchema>;

/** Neighbourhood names as the clinics published them (the id when none is known yet). */
export async function neighbourhoodNames(models: CoordinationModels) {
  const rows = await readAll(models.neighbourhoodPriorities.find({}, { neighbourhoodName: 1 }).lean(), caps.reference);
  const names = new Map(rows.map((r) => [r._id, r.neighbourhoodName]));
  return (id: string, lang: ExportLang) => names.get(id)?.[lang] ?? id;
}

export const attachment = (name: string, format: 'csv' | 'xlsx') => `attachment; filename="${name}.${format}"`;

export function commitmentRoutes(deps: CoordinationDeps) {
  const { models, clock } = deps;

  const toView = (c: Commitment, now: Date) => ({ ...c, effectiveDueOn: effectiveDueOn(c), overdue: isOverdue(c, now) });

  /**
   * The commitments matching the filter: one page (by due day, then id) for the list, or all of them
   * (bounded by a province's caseload) for the export.
   */
  async function list(filter: Filter, principal: Principal, page?: PageContext): Promise<Commitment[]> {
    if (filter.neighbourhoodId) assertCanReadNeighbourhood(principal, filter.neighbourhoodId);
    const query: Record<string, unknown> = {};
    if (filter.neighbourhoodId) query['neighbourhoodId'] = filter.neighbourhoodId;
    else if (!seesEveryNeighbourhood(principal)) query['neighbourhoodId'] = inList(principal.neighbourhoodIds);
    if (filter.agency) query['agency'] = filter.agency;
    if (filter.status) query['status'] = filter.status;
    const now = clock.now();
    const find = models.commitments.find(query).lean();
    const rows = page ? await pageOf(find, page, page.res, { by: 'dueOn', order: 1 }) : await readAll(find, caps.agencyCaseload);
    return rows
      .map(toCommitment)
      .filter((c) => canReadNeighbourhood(principal, c.neighbourhoodId))
      .filter((c) => filter.overdue === undefined || isOverdue(c, now) === (filter.overdue === 'true'))
      .sort((a, b) => effectiveDueOn(a).localeCompare(effectiveDueOn(b)) || a.id.localeCompare(b.id));
  }

  return [
    defineRoute({
      method: 'get',
      path: '/commitments',
      summary:
        'Every commitment made to the neighbourhoods, with status and overdue flag (filters: neighbourhood, agency, status, overdue); paged by due day (with `overdue` a page may come short: follow X-Next-Cursor)',
      roles: programmeReaders,
      query: commitmentListQuerySchema,
      response: z.array(commitmentViewSchema),
      handler: async ({ query, principal, req }, res) => {
        const now = clock.now();
        const { limit, after, ...filter } = query;
        return (await list(filter, principal, { query: { limit, after }, req, res })).map((c) => toView(c, now));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/commitments/export',
      summary: 'The commitments list as XLSX or CSV (UTF-8 with BOM), with Jalali dates and headers in fa or en',
      roles: programmeReaders,
      query: commitmentExportQuerySchema,
      response: fileSchema,
      raw: true,
      handler: async ({ query, principal }, res) => {
        const { format, lang, ...filter } = query;
        const table = commitmentsTable(await list(filter, principal), {
          lang,
          now: clock.now(),
          neighbourhoodName: await neighbourhoodNames(models),
        });
        const file = format === 'csv' ? toCsv([table]) : await toXlsx([table], lang);
        res
          .status(200)
          .type(contentTypes[format])
          .setHeader('Content-Disposition', attachment(`commitments-${filter.neighbourhoodId ?? 'all'}`, format))
          .send(file);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/commitments/:id/status',
      summary: 'Record a commitment’s status and evidence as the working group heard it (coordinators)',
      roles: programmeWriters,
      params: idParams,
      body: statusUpdateSchema,
      response: commitmentViewSchema,
      handler: async ({ params, body }) => {
        const now = clock.now();
        return toView(await applyCoordinatorReport(deps, params.id, { ...body, at: now, reportedBy: 'coordinator' }), now);
      },
    }),
  ];
}
