import { dayOf } from '@hamgam/contracts/days';
import { caps, defineRoute, readAll } from '@hamgam/service-kit';
import { z } from 'zod';
import { contentTypes, toCsv, toXlsx } from '../app/files.js';
import { neighbourhoodCommitments } from '../app/meetings.js';
import { computeBoard } from '../domain/board.js';
import { boardTables } from '../domain/exports.js';
import { programmeReaders, type CoordinationDeps } from '../deps.js';
import { attachment } from './commitments.js';
import { assertCanReadNeighbourhood, canReadNeighbourhood } from './scope.js';
import { boardViewSchema, exportQuerySchema, fileSchema, neighbourhoodParams, neighbourhoodSchema } from './schemas.js';

export function boardRoutes(deps: CoordinationDeps) {
  const { models, clock } = deps;

  async function boardOf(neighbourhoodId: string) {
    const [list, commitments] = await Promise.all([
      models.neighbourhoodPriorities.findById(neighbourhoodId).lean(),
      neighbourhoodCommitments(deps, neighbourhoodId),
    ]);
    const now = clock.now();
    return {
      neighbourhoodId,
      neighbourhoodName: list?.neighbourhoodName ?? null,
      period: list?.period ?? null,
      listVersion: list?.listVersion ?? null,
      today: dayOf(now),
      ...computeBoard({ priorities: list?.priorities ?? [], commitments, now }),
    };
  }

  return [
    defineRoute({
      method: 'get',
      path: '/neighbourhoods',
      summary: 'The neighbourhoods the programme knows (published priorities, meetings, commitments) that the caller may read',
      roles: programmeReaders,
      response: z.array(neighbourhoodSchema),
      handler: async ({ principal }) => {
        // One priorities list per neighbourhood; meetings and commitments only name theirs (distinct: no cursor, one id each).
        const [lists, meetings, commitments] = await Promise.all([
          readAll(models.neighbourhoodPriorities.find({}, { neighbourhoodName: 1 }).lean(), caps.reference),
          models.meetings.distinct('neighbourhoodId'),
          models.commitments.distinct('neighbourhoodId'),
        ]);
        const names = new Map(lists.map((l) => [l._id, l.neighbourhoodName]));
        const ids = new Set<string>([...names.keys(), ...meetings, ...commitments, ...principal.neighbourhoodIds]);
        return [...ids]
          .filter((id) => canReadNeighbourhood(principal, id))
          .sort()
          .map((id) => ({ id, name: names.get(id) ?? null, hasPriorities: names.has(id) }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/neighbourhoods/:id/board',
      summary: 'The programme board: latest priorities × agencies, uncovered / duplicated / unlinked, overdue, on-time rate per agency',
      roles: programmeReaders,
      params: neighbourhoodParams,
      response: boardViewSchema,
      handler: async ({ params, principal }) => {
        assertCanReadNeighbourhood(principal, params.id);
        return boardOf(params.id);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/neighbourhoods/:id/board/export',
      summary: 'The programme board as XLSX (one sheet per table) or CSV (UTF-8 with BOM), Jalali dates, headers in fa or en',
      roles: programmeReaders,
      params: neighbourhoodParams,
      query: exportQuerySchema,
      response: fileSchema,
      raw: true,
      handler: async ({ params, query, principal }, res) => {
        assertCanReadNeighbourhood(principal, params.id);
        const tables = boardTables(await boardOf(params.id), query.lang);
        const file = query.format === 'csv' ? toCsv(tables) : await toXlsx(tables, query.lang);
        res
          .status(200)
          .type(contentTypes[query.format])
          .setHeader('Content-Disposition', attachment(`board-${params.id}`, query.format))
          .send(file);
      },
    }),
  ];
}
