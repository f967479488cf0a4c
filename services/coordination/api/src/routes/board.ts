import { dayOf } from '@hamgam/contracts/days';
import { defineRoute } from '@hamgam/service-kit';
import { NotFoundError } from '@hamgam/service-kit/errors';
import { z } from 'zod';
import { contentTypes, toCsv, toXlsx } from '../app/files.js';
import { neighbourhoodCommitments } from '../app/meetings.js';
import { knownNeighbourhoods, nameMatches } from '../app/neighbourhoods.js';
import { computeBoard } from '../domain/board.js';
import { boardTables } from '../domain/exports.js';
import { programmeReaders, type CoordinationDeps } from '../deps.js';
import { attachment } from './commitments.js';
import { assertCanReadNeighbourhood, canReadNeighbourhood } from './scope.js';
import {
  boardViewSchema,
  exportQuerySchema,
  fileSchema,
  neighbourhoodListQuery,
  neighbourhoodParams,
  neighbourhoodSchema,
} from './schemas.js';

export function boardRoutes(deps: CoordinationDeps) {
  const { models, clock } = deps;

  async function boardOf(neighbourhoodId: string) {
    const [known, list, commitments] = await Promise.all([
      knownNeighbourhoods(models),
      models.neighbourhoodPriorities.findById(neighbourhoodId).lean(),
      neighbourhoodCommitments(deps, neighbourhoodId),
    ]);
    const neighbourhood = known.find((n) => n.id === neighbourhoodId);
    if (!neighbourhood)
      throw new NotFoundError('neighbourhood-not-found', `neighbourhood ${neighbourhoodId} is not one the programme knows`);
    const now = clock.now();
    return {
      neighbourhoodId,
      neighbourhoodName: neighbourhood.name,
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
      summary:
        'Every neighbourhood of the hierarchy the caller may read (one with no published priority list yet too), with its published list if any; `q` searches the names (fa or en)',
      roles: programmeReaders,
      query: neighbourhoodListQuery,
      response: z.array(neighbourhoodSchema),
      handler: async ({ principal, query }) =>
        // Reference data: the hierarchy's neighbourhoods (hundreds at most), read whole and never paged.
        (await knownNeighbourhoods(models))
          .filter((n) => canReadNeighbourhood(principal, n.id))
          .filter((n) => !query.q || nameMatches(n.name, query.q))
          .map((n) => ({ ...n, hasPriorities: n.list !== null })),
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
