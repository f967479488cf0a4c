import { dayOf } from '@hamgam/contracts/days';
import mongoose, { type Model } from 'mongoose';
import { z } from 'zod';
import type { Principal, Role } from '../auth/principal.js';
import { defineRoute, type RouteSpec } from './route.js';

/**
 * "My work": what is waiting for the caller in one service, as counts the shell's home and its bell show,
 * each a link into the service's module. Every service answers `GET /api/v1/work` with this one shape, so
 * the shell reads them all alike; `kind` is a stable key the shell translates (fa/en), never a sentence.
 */
export const workItemSchema = z
  .object({
    /** A stable kebab-case key, e.g. `referrals-new`, `commitments-overdue`. */
    kind: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** How many, up to WORK_COUNT_CAP (a count at the cap means "at least that many"). */
    count: z.number().int().min(0),
    /** Where the module shows them, relative to where the shell mounts it (`''` is its first page), e.g. `commitments?overdue=true`. */
    path: z.string().regex(/^[a-z0-9/?=&-]*$/),
    /**
     * Asked with `?since=`: how many of them arrived (or fell due) after that instant — the bell's "new since you
     * last looked". Left out for a kind whose items carry no such time (the shell then compares counts).
     */
    fresh: z.number().int().min(0).optional(),
  })
  .strict();
export type WorkItem = z.infer<typeof workItemSchema>;

/** A service lists a handful of kinds; the bound keeps an answer from growing into a list. */
export const workListSchema = z.array(workItemSchema).max(20);

/** The most a count counts: past it the home says "1,000+", and no store scans a whole collection to say more. */
export const WORK_COUNT_CAP = 1000;

/** Counts the documents matching `filter` up to WORK_COUNT_CAP (the store stops there). */
export const countUpTo = (model: Model<any>, filter: Record<string, unknown>): Promise<number> =>
  model.countDocuments(filter, { limit: WORK_COUNT_CAP });

/** `{ $lt: value }`, built by the service itself (never from a request), so sanitizeFilter lets it through. */
export const lessThan = <T extends Date | number | string>(value: T) => mongoose.trusted({ $lt: value }) as unknown as T;
/** `{ $nin: values }`, likewise. */
export const notIn = <T>(values: readonly T[]) => mongoose.trusted({ $nin: [...values] }) as unknown as T;

/** What a service's work list is computed from: the caller, and "now" and today's Iran day by the service clock. */
export interface WorkContext {
  principal: Principal;
  now: Date;
  /** Today in Iran (`YYYY-MM-DD`), from `@hamgam/contracts/days`: "overdue" and "today" turn at Tehran's midnight. */
  today: string;
  /** When the caller last looked (`?since=`), and its Iran day; null when not asked. */
  since: { at: Date; day: string } | null;
}

/** When the caller last looked, as an instant and its Iran day. */
export type WorkSince = NonNullable<WorkContext['since']>;

/**
 * One kind's `count` (documents matching `filter`) and, when the caller asked `?since=`, its `fresh` count:
 * those matching `arrivedSince(since)` — arrived after it (e.g. `receivedAt: after(since.at)`), or fell due
 * after it: work due on day D is late from D + 1, so it fell due after `since` when D is on or after since's
 * day (`dueOn: between(since.day, today)`). Without `arrivedSince` the kind says nothing of what is new.
 */
export async function tally(
  model: Model<any>,
  work: WorkContext,
  filter: Record<string, unknown>,
  arrivedSince?: (since: WorkSince) => Record<string, unknown>,
): Promise<{ count: number; fresh?: number }> {
  const [count, fresh] = await Promise.all([
    countUpTo(model, filter),
    arrivedSince && work.since ? countUpTo(model, arrivedSince(work.since)) : undefined,
  ]);
  return fresh === undefined ? { count } : { count, fresh };
}

/** `{ $gt: value }`, built by the service itself, like lessThan. */
export const after = <T extends Date | number | string>(value: T) => mongoose.trusted({ $gt: value }) as unknown as T;

const workQuerySchema = z.object({ since: z.iso.datetime({ offset: true }).optional() }).strict();

/**
 * The service's `GET /work` route: open to every role of the service (a role with nothing to do here gets
 * `[]`); `items` decides by the caller's roles and scope what to count.
 */
export function workRoute(options: {
  roles: readonly Role[];
  clock: { now(): Date };
  items: (context: WorkContext) => Promise<WorkItem[]>;
}): RouteSpec {
  return defineRoute({
    method: 'get',
    path: '/work',
    summary:
      'What is waiting for the caller here (counts, each with the module page that shows them), for the shell’s home and bell; with `since`, how many of each arrived or fell due after it',
    tags: ['work'],
    roles: options.roles,
    query: workQuerySchema,
    response: workListSchema,
    handler: async ({ principal, query }) => {
      const now = options.clock.now();
      const since = query.since ? new Date(query.since) : null;
      return options.items({ principal, now, today: dayOf(now), since: since && { at: since, day: dayOf(since) } });
    },
  });
}
