import type { Request, Response } from 'express';
import mongoose, { type Query } from 'mongoose';
import { z } from 'zod';
import { badRequest } from '../http/problem.js';

/** A page when the caller asks for none. */
export const PAGE_DEFAULT = 50;
/** The most one request may read: a page is one bounded query (FerretDB scans and holds a connection per open cursor). */
export const PAGE_MAX = 100;

/** Stable codes a client can rely on (the problem's `errors[].message` for the limit, `code` for the cursor). */
export const pageLimitExceeded = 'page-limit-exceeded';
export const pageCursorInvalid = 'page-cursor-invalid';

/**
 * The query every list route accepts: `limit` (1…PAGE_MAX, default PAGE_DEFAULT; more is a 400 problem
 * whose `errors` name `limit` with the message `page-limit-exceeded`) and the opaque `after` cursor the
 * previous page's `X-Next-Cursor` header carried. Spread it into a route's strict query schema:
 * `z.object({ ...pageQueryShape, state: … }).strict()`.
 */
export const pageQueryShape = {
  limit: z.coerce
    .number()
    .int()
    .min(1, { message: 'limit: at least 1' })
    .max(PAGE_MAX, { message: pageLimitExceeded })
    .default(PAGE_DEFAULT),
  after: z
    .string()
    .max(400)
    .regex(/^[A-Za-z0-9_-]+$/, { message: pageCursorInvalid })
    .optional(),
};
export const pageQuerySchema = z.object(pageQueryShape).strict();
export type PageQuery = { limit: number; after?: string | undefined };

/** One page and the cursor of the next (null on the last page). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

type KeyValue = string | number | Date | null;
interface CursorBody {
  /** The sort key's value of the last item (a Date travels as its ISO string with `d`). */
  v: string | number | null;
  d?: 1;
  /** The last item's `_id`. */
  i: string;
}

export function encodeCursor(value: KeyValue, id: string): string {
  const body: CursorBody = value instanceof Date ? { v: value.toISOString(), d: 1, i: id } : { v: value, i: id };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { value: KeyValue; id: string } {
  try {
    const body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorBody;
    const validValue = body.v === null || typeof body.v === 'string' || typeof body.v === 'number';
    if (typeof body !== 'object' || body === null || typeof body.i !== 'string' || !validValue) throw new Error('shape');
    if (body.d === 1) {
      const at = new Date(String(body.v));
      if (Number.isNaN(at.getTime())) throw new Error('date');
      return { value: at, id: body.i };
    }
    return { value: body.v, id: body.i };
  } catch {
    throw badRequest('the page cursor is not one this service gave out', {
      code: pageCursorInvalid,
      errors: [{ path: 'after', message: pageCursorInvalid }],
    });
  }
}

export interface PageOrder {
  /** The sort key (a field every document has, never null); `_id` breaks ties in the same direction. Default `_id`. */
  by?: string;
  /** 1 ascending, -1 descending. Default 1. */
  order?: 1 | -1;
}

/**
 * Runs a find as one keyset page: sorted by `by` then `_id`, starting after the cursor, reading
 * limit+1 documents to know whether another page follows. No skip: every page costs the same.
 * The projection must keep `by` (and `_id`).
 */
export async function findPage<T extends { _id: unknown }>(
  query: Query<T[], any>,
  page: PageQuery,
  orderBy: PageOrder = {},
): Promise<Page<T>> {
  const by = orderBy.by ?? '_id';
  const order = orderBy.order ?? 1;
  const limit = Math.min(Math.max(1, page.limit), PAGE_MAX);
  if (page.after) {
    const { value, id } = decodeCursor(page.after);
    const beyond = order === 1 ? '$gt' : '$lt';
    const condition =
      by === '_id'
        ? { _id: mongoose.trusted({ [beyond]: id }) }
        : {
            $or: [
              { [by]: mongoose.trusted({ [beyond]: value }) },
              { [by]: mongoose.trusted({ $eq: value }), _id: mongoose.trusted({ [beyond]: id }) },
            ],
          };
    query.and([condition]);
  }
  const sort: Record<string, 1 | -1> = by === '_id' ? { _id: order } : { [by]: order, _id: order };
  const rows = (await query.sort(sort).limit(limit + 1)) as T[];
  if (rows.length <= limit) return { items: rows, next: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1] as Record<string, unknown>;
  const value = (by === '_id' ? last['_id'] : last[by]) as KeyValue | undefined;
  if (value === undefined) throw new Error(`findPage: the projection dropped the sort key "${by}"`);
  return { items, next: encodeCursor(value, String(last['_id'])) };
}

/**
 * Tells the client where the next page starts, keeping the body the plain array existing readers
 * expect: `X-Next-Cursor: <cursor>` and `Link: <…?after=<cursor>>; rel="next"` (the path as this
 * service sees it). Nothing is set on the last page.
 */
export function sendNextCursor(req: Request, res: Response, next: string | null): void {
  if (!next) return;
  res.setHeader('X-Next-Cursor', next);
  const url = new URL(req.originalUrl, 'http://service.invalid');
  url.searchParams.set('after', next);
  res.setHeader('Link', `<${url.pathname}${url.search}>; rel="next"`);
}

/** What a paged read needs from a route: the page query, the request (for the Link) and the response (for the headers). */
export interface PageContext {
  query: PageQuery;
  req: Request;
  res: Response;
}

/** findPage then sendNextCursor: what an array-returning list route does. */
export async function pageOf<T extends { _id: unknown }>(
  query: Query<T[], any>,
  ctx: { query: PageQuery; req: Request },
  res: Response,
  orderBy: PageOrder = {},
): Promise<T[]> {
  const page = await findPage(query, ctx.query, orderBy);
  sendNextCursor(ctx.req, res, page.next);
  return page.items;
}
