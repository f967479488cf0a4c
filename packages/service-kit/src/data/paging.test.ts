import { randomUUID } from 'node:crypto';
import express from 'express';
import { Schema, type Connection } from 'mongoose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemHandler } from '../http/problem.js';
import { createMongoConnection } from '../mongo.js';
import { ReadCapExceededError, UnboundedQueryError, readAll } from './bounded.js';
import { PAGE_MAX, decodeCursor, encodeCursor, findPage, pageOf, pageQuerySchema, pageQueryShape } from './paging.js';

// Against the real store (the stack's FerretDB, or TEST_MONGO_URL), as the services' API tests are.
const base = process.env['TEST_MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
let connection: Connection;

interface Row {
  _id: string;
  at: Date;
  group: string;
}
const rowSchema = new Schema<Row>({ _id: String, at: Date, group: String }, { versionKey: false });
let rows: ReturnType<typeof model>;
const model = (c: Connection) => c.model<Row>('Row', rowSchema, 'rows');

beforeAll(async () => {
  connection = createMongoConnection(`${base}/hamgam_test_kit_paging_${randomUUID().slice(0, 8)}`);
  await connection.asPromise();
  // Made with connection.model (as every service does): the global plugin must reach it.
  rows = model(connection);
  // 7 rows; three share one instant so `_id` has to break the tie.
  const t0 = Date.UTC(2025, 0, 1);
  await rows.insertMany(
    ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'].map((id, i) => ({
      _id: id,
      at: new Date(t0 + (i < 3 ? 0 : i) * 60_000),
      group: i % 2 ? 'odd' : 'even',
    })),
  );
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describe('the unbounded-find guard', () => {
  it('refuses a find without a limit on a model made with connection.model', async () => {
    await expect(rows.find({}).lean()).rejects.toBeInstanceOf(UnboundedQueryError);
    await expect(rows.find({ group: 'odd' })).rejects.toMatchObject({ status: 500, extra: { code: 'unbounded-query' } });
  });

  it('lets a bounded find, findOne and countDocuments through', async () => {
    expect(await rows.find({}).limit(3).lean()).toHaveLength(3);
    expect(await rows.findOne({ _id: 'r2' }).lean()).toMatchObject({ group: 'odd' });
    expect(await rows.countDocuments({})).toBe(7);
  });
});

describe('readAll', () => {
  it('returns the whole set when it fits the cap', async () => {
    expect(await readAll(rows.find({ group: 'even' }).lean(), 4)).toHaveLength(4);
  });

  it('fails loudly instead of truncating a set larger than its cap', async () => {
    await expect(readAll(rows.find({}).lean(), 6)).rejects.toBeInstanceOf(ReadCapExceededError);
    await expect(readAll(rows.find({}).lean(), 6)).rejects.toMatchObject({ extra: { code: 'read-cap-exceeded' } });
  });
});

describe('findPage (keyset)', () => {
  const walk = async (order: 1 | -1, by: string, limit: number) => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await findPage(rows.find({}).lean(), { limit, after }, { by, order });
      seen.push(...page.items.map((r) => r._id));
      after = page.next ?? undefined;
      pages += 1;
    } while (after && pages < 20);
    return { seen, pages };
  };

  it('walks every row once, in order, ties broken by _id, ascending and descending', async () => {
    expect(await walk(1, 'at', 2)).toEqual({ seen: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'], pages: 4 });
    expect(await walk(-1, 'at', 3)).toEqual({ seen: ['r7', 'r6', 'r5', 'r4', 'r3', 'r2', 'r1'], pages: 3 });
    expect(await walk(1, '_id', 7)).toEqual({ seen: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'], pages: 1 });
  });

  it('keeps the caller’s filter on every page', async () => {
    const first = await findPage(rows.find({ group: 'odd' }).lean(), { limit: 2 }, { by: 'at', order: 1 });
    expect(first.items.map((r) => r._id)).toEqual(['r2', 'r4']);
    const last = await findPage(rows.find({ group: 'odd' }).lean(), { limit: 2, after: first.next! }, { by: 'at', order: 1 });
    expect(last).toEqual({ items: [expect.objectContaining({ _id: 'r6' })], next: null });
  });

  it('round-trips dates, strings and numbers in the cursor, and refuses a forged one', () => {
    const at = new Date('2025-01-01T00:00:00Z');
    expect(decodeCursor(encodeCursor(at, 'x'))).toEqual({ value: at, id: 'x' });
    expect(decodeCursor(encodeCursor('b', 'y'))).toEqual({ value: 'b', id: 'y' });
    expect(decodeCursor(encodeCursor(3, 'z'))).toEqual({ value: 3, id: 'z' });
    expect(() => decodeCursor('bm90LWpzb24')).toThrow(
      expect.objectContaining({ status: 400, extra: expect.objectContaining({ code: 'page-cursor-invalid' }) }),
    );
  });
});

describe('the page query at the edge', () => {
  const app = express();
  const query = z.object({ ...pageQueryShape, group: z.enum(['odd', 'even']).optional() }).strict();
  app.get('/rows', async (req, res, next) => {
    try {
      const q = query.parse(req.query);
      res.json(await pageOf(rows.find(q.group ? { group: q.group } : {}).lean(), { query: q, req }, res, { by: 'at', order: -1 }));
    } catch (error) {
      next(error);
    }
  });
  app.use(problemHandler);

  it('defaults the limit and caps it', () => {
    expect(pageQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(pageQuerySchema.parse({ limit: String(PAGE_MAX) }).limit).toBe(PAGE_MAX);
  });

  it('answers an array with the next cursor in headers, then the last page without', async () => {
    const first = await request(app).get('/rows?limit=4');
    expect(first.status).toBe(200);
    expect(first.body.map((r: Row) => r._id)).toEqual(['r7', 'r6', 'r5', 'r4']);
    const next = first.headers['x-next-cursor'];
    expect(next).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(first.headers['link']).toBe(`</rows?limit=4&after=${next}>; rel="next"`);
    const last = await request(app).get(`/rows?limit=4&after=${next}`);
    expect(last.body.map((r: Row) => r._id)).toEqual(['r3', 'r2', 'r1']);
    expect(last.headers['x-next-cursor']).toBeUndefined();
    expect(last.headers['link']).toBeUndefined();
  });

  it('answers 400 with a stable message for a limit over the maximum or a forged cursor', async () => {
    const tooMany = await request(app).get(`/rows?limit=${PAGE_MAX + 1}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([{ path: 'limit', message: 'page-limit-exceeded' }]);
    const forged = await request(app).get('/rows?after=bm90LWpzb24');
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('page-cursor-invalid');
  });
});
