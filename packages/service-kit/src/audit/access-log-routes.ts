import { addDays, startOfDay } from '@hamgam/contracts/days';
import mongoose, { type Model } from 'mongoose';
import { z } from 'zod';
import type { Role } from '../auth/principal.js';
import { findPage, pageQueryShape, sendNextCursor } from '../data/paging.js';
import { badRequest } from '../http/problem.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import { accessLogActions, purposeSources, type StoredAccessEntry } from './access-log.js';
import { toCsv } from './csv.js';

/** Only auditors read the programme's access logs (the people in them never see who else looked). */
export const accessLogReaders: readonly Role[] = ['auditor'];

/** The most entries one CSV export holds: past it the auditor narrows the dates, the person or the user. */
export const ACCESS_LOG_EXPORT_MAX = 10_000;
export const accessLogExportTooLarge = 'access-log-export-too-large';
export const accessLogRangeInvalid = 'access-log-range-invalid';

const day = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/, { message: 'a day as YYYY-MM-DD' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), { message: 'not a calendar day' });

/** The auditor's filters: a person (resident or household ref), a user (username), and Tehran days from/to, both inclusive. */
export const accessLogFilterShape = {
  person: z.string().trim().min(1).max(100).optional(),
  user: z.string().trim().min(1).max(100).optional(),
  from: day.optional(),
  to: day.optional(),
};
export const accessLogQuerySchema = z.object({ ...pageQueryShape, ...accessLogFilterShape }).strict();
export const accessLogExportQuerySchema = z.object(accessLogFilterShape).strict();
type AccessLogFilter = { person?: string | undefined; user?: string | undefined; from?: string | undefined; to?: string | undefined };

export const accessEntryViewSchema = z.object({
  id: z.string(),
  at: z.date(),
  agency: z.string(),
  actor: z.string(),
  actorRoles: z.array(z.string()),
  action: z.enum(accessLogActions),
  recordKind: z.string(),
  recordId: z.string(),
  subject: z.string(),
  purpose: z.string(),
  purposeSource: z.enum(purposeSources),
});
export type AccessEntryView = z.infer<typeof accessEntryViewSchema>;

/**
 * Where a service keeps its log: the kit's `access_log` by default; a service with an older log of its
 * own (the clinics') names its fields and maps its documents to the same view.
 */
export interface AccessLogSource<T extends { _id: string }> {
  model: Model<T>;
  fields: { subject: string; actor: string; at: string };
  toView(doc: T): AccessEntryView;
}

export const kitAccessLog = (model: Model<StoredAccessEntry>): AccessLogSource<StoredAccessEntry> => ({
  model,
  fields: { subject: 'subject', actor: 'actor', at: 'at' },
  toView: ({ _id, ...entry }) => ({ id: _id, ...entry }),
});

function filterOf(fields: AccessLogSource<never>['fields'], { person, user, from, to }: AccessLogFilter): Record<string, unknown> {
  if (from && to && from > to) throw badRequest('`from` is after `to`', { code: accessLogRangeInvalid });
  const at = {
    ...(from ? { $gte: startOfDay(from) } : {}),
    // `to` is inclusive: up to the start of the next day.
    ...(to ? { $lt: startOfDay(addDays(to, 1)) } : {}),
  };
  return {
    ...(person ? { [fields.subject]: person } : {}),
    ...(user ? { [fields.actor]: user } : {}),
    ...(from || to ? { [fields.at]: mongoose.trusted(at) } : {}),
  };
}

const csvHeader = ['at', 'agency', 'actor', 'actorRoles', 'action', 'recordKind', 'recordId', 'subject', 'purpose', 'purposeSource'];
const csvRow = (e: AccessEntryView) => [
  e.at.toISOString(),
  e.agency,
  e.actor,
  e.actorRoles.join(' '),
  e.action,
  e.recordKind,
  e.recordId,
  e.subject,
  e.purpose,
  e.purposeSource,
];

/**
 * `GET /access-log` (newest first, keyset-paged like every list) and `GET /access-log/export` (the same
 * filters as CSV, UTF-8 with BOM, at most ACCESS_LOG_EXPORT_MAX entries): auditors only.
 */
export function accessLogRoutes<T extends { _id: string }>(agency: string, source: AccessLogSource<T>): RouteSpec[] {
  const order = { by: source.fields.at, order: -1 } as const;
  const find = (filter: AccessLogFilter) => source.model.find(filterOf(source.fields, filter) as never).lean<T[]>();
  return [
    defineRoute({
      method: 'get',
      path: '/access-log',
      summary: `Who read or changed whose personal data in ${agency}, when and why, newest first; filter by person, user and Tehran days; paged (auditors)`,
      tags: ['audit'],
      roles: accessLogReaders,
      query: accessLogQuerySchema,
      response: z.array(accessEntryViewSchema),
      handler: async ({ query, req }, res) => {
        const { limit, after, ...filter } = query;
        const page = await findPage(find(filter), { limit, after }, order);
        sendNextCursor(req, res, page.next);
        return page.items.map((doc) => source.toView(doc));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/access-log/export',
      summary: `The access log of ${agency} with the same filters as CSV (UTF-8 with BOM), at most ${ACCESS_LOG_EXPORT_MAX} entries (auditors)`,
      tags: ['audit'],
      roles: accessLogReaders,
      query: accessLogExportQuerySchema,
      response: z.unknown(),
      raw: true,
      handler: async ({ query }, res) => {
        // One bounded read past a page's size (findPage stops at PAGE_MAX): the cap plus one tells "too many".
        const rows = await find(query)
          .sort({ [source.fields.at]: -1, _id: -1 })
          .limit(ACCESS_LOG_EXPORT_MAX + 1);
        if (rows.length > ACCESS_LOG_EXPORT_MAX) {
          throw badRequest(`more than ${ACCESS_LOG_EXPORT_MAX} entries match: narrow the days, the person or the user`, {
            code: accessLogExportTooLarge,
          });
        }
        const csv = toCsv(
          csvHeader,
          rows.map((doc) => csvRow(source.toView(doc))),
        );
        res
          .status(200)
          .type('text/csv; charset=utf-8')
          .setHeader('Content-Disposition', `attachment; filename="access-log-${agency}.csv"`)
          .send(csv);
      },
    }),
  ];
}
