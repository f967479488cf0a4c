import { dayOf } from '@hamgam/contracts/days';
import { caps, defineRoute, pageOf, readAll, type PageContext, type Principal } from '@hamgam/service-kit';
import { z } from 'zod';
import { applyCoordinatorReport, toCommitment } from '../app/commitments.js';
import { contentTypes, toCsv, toXlsx } from '../app/files.js';
import { neighbourhoodNames } from '../app/neighbourhoods.js';
import { effectiveDueOn, isOverdue, type Commitment } from '../domain/commitments.js';
import { commitmentsTable } from '../domain/exports.js';
import { programmeReaders, programmeWriters, type CoordinationDeps } from '../deps.js';
import { commitmentQuery, type CommitmentFilter } from './commitment-query.js';
import { assertCanReadNeighbourhood } from './scope.js';
import {
  commitmentExportQuerySchema,
  commitmentListQuerySchema,
  commitmentSorts,
  commitmentViewSchema,
  fileSchema,
  idParams,
  statusUpdateSchema,
} from './schemas.js';

export const attachment = (name: string, format: 'csv' | 'xlsx') => `attachment; filename="${name}.${format}"`;

export function commitmentRoutes(deps: CoordinationDeps) {
  const { models, clock } = deps;

  const toView = (c: Commitment, now: Date) => ({ ...c, effectiveDueOn: effectiveDueOn(c), overdue: isOverdue(c, now) });

  /**
   * The commitments matching the filter, every condition (overdue and the search too) asked of the store:
   * one page in the chosen order for the list, or all of them (bounded by a province's caseload) for the export.
   */
  async function list(
    filter: CommitmentFilter,
    principal: Principal,
    now: Date,
    page?: PageContext & { sort: keyof typeof commitmentSorts },
  ): Promise<Commitment[]> {
    if (filter.neighbourhoodId) assertCanReadNeighbourhood(principal, filter.neighbourhoodId);
    const find = models.commitments.find(commitmentQuery(filter, principal, dayOf(now))).lean();
    const rows = page
      ? await pageOf(find, page, page.res, commitmentSorts[page.sort])
      : await readAll(find.sort({ dueOn: 1, _id: 1 }), caps.agencyCaseload);
    return rows.map(toCommitment);
  }

  return [
    defineRoute({
      method: 'get',
      path: '/commitments',
      summary:
        'Every commitment made to the neighbourhoods, with status and overdue flag (filters: neighbourhood, agency, status, source, meeting, overdue; `q` searches title and evidence); paged, by agreed due day (`sort=dueOn`, default) or newest planned (`-plannedAt`)',
      roles: programmeReaders,
      query: commitmentListQuerySchema,
      response: z.array(commitmentViewSchema),
      handler: async ({ query, principal, req }, res) => {
        const now = clock.now();
        const { limit, after, sort, ...filter } = query;
        return (await list(filter, principal, now, { query: { limit, after }, req, res, sort })).map((c) => toView(c, now));
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
        const now = clock.now();
        const table = commitmentsTable(await list(filter, principal, now), {
          lang,
          now,
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
      summary:
        'Record a commitment’s status and evidence as the working group heard it (coordinators); the owner agency hears it as coordination.commitment.status-recorded.v1',
      roles: programmeWriters,
      params: idParams,
      body: statusUpdateSchema,
      response: commitmentViewSchema,
      handler: async ({ params, body, cause }) => {
        const now = clock.now();
        return toView(await applyCoordinatorReport(deps, params.id, { ...body, at: now, reportedBy: 'coordinator' }, cause), now);
      },
    }),
  ];
}
