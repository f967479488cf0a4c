import mongoose, { type Query, type Schema } from 'mongoose';
import { HttpProblem } from '../http/problem.js';

/**
 * Caps for internal reads that need "all of a set": each is the largest such set a province
 * (Kerman: ≈100k households, ≈400k residents, a few hundred neighbourhoods and clinics) can
 * realistically hold, with headroom. A set past its cap is a design problem (page it, or aggregate
 * elsewhere), so readAll fails loudly instead of truncating.
 */
export const caps = {
  /** Reference sets: neighbourhoods, clinics, institutes, agreements, offers of one agency — hundreds at most. */
  reference: 2_000,
  /** One resident's, one household's or one record's dependants (a household's residents, a resident's consents, referrals, journey; a commitment's pending reports). */
  perPerson: 500,
  /** One neighbourhood's records (assessments, commitments, meetings): a few thousand households each. */
  perNeighbourhood: 10_000,
  /** One clinic's records for a summary page (the households on a page, their residents). */
  perClinic: 20_000,
  /** An agency-wide working set read whole (open referrals, cases, support requests, enrolments): one agency's caseload. */
  agencyCaseload: 50_000,
  /** The records of the households on one page (≤ PAGE_MAX households × ≤ 50 members or assessments each). */
  pageOfHouseholds: 5_000,
} as const;

/** `{ $in: values }` built by the service itself (never from request objects), marked trusted for sanitizeFilter. */
export const inList = <T>(values: readonly T[]) => mongoose.trusted({ $in: [...values] }) as unknown as T;
/** `{ $gte: from, $lt: to }`, trusted likewise. */
export const between = <T extends Date | number | string>(from: T, to: T) => mongoose.trusted({ $gte: from, $lt: to }) as unknown as T;

/** Stable codes carried by the problems below. */
export const unboundedQueryCode = 'unbounded-query';
export const readCapExceededCode = 'read-cap-exceeded';

/** A `find` without a limit: every read must name its bound (findPage, readAll or an explicit `.limit`). */
export class UnboundedQueryError extends HttpProblem {
  constructor(
    readonly collection: string,
    readonly filter: unknown,
  ) {
    super(500, 'Internal Server Error', `unbounded find on "${collection}": page it (findPage) or bound it (readAll with a cap)`, {
      code: unboundedQueryCode,
    });
    this.name = 'UnboundedQueryError';
  }
}

/** A set read whole turned out larger than its stated cap; never silently truncated. */
export class ReadCapExceededError extends HttpProblem {
  constructor(
    readonly collection: string,
    readonly cap: number,
  ) {
    super(500, 'Internal Server Error', `more than ${cap} documents in "${collection}" for one read; this read needs paging`, {
      code: readCapExceededCode,
    });
    this.name = 'ReadCapExceededError';
  }
}

/**
 * A global mongoose plugin (`mongoose.plugin(boundedFinds)`, registered in mongo.ts before any model
 * is compiled, and global plugins reach `connection.model` too): a `find` with no `limit` throws
 * UnboundedQueryError before it reaches the store. `findOne` and friends are bounded by nature.
 */
export function boundedFinds(schema: Schema): void {
  schema.pre('find', function (this: Query<unknown, unknown>) {
    const limit = this.getOptions().limit;
    if (limit === undefined || limit === null || limit <= 0)
      throw new UnboundedQueryError(this.model?.collection?.collectionName ?? '?', this.getFilter());
  });
}

/**
 * Reads a whole set whose size has a known bound: fetches cap+1 and throws ReadCapExceededError when
 * there are more than `cap`, so a set outgrowing its bound is noticed instead of cut short.
 */
export async function readAll<T>(query: Query<T[], any>, cap: number): Promise<T[]> {
  const rows = (await query.limit(cap + 1)) as T[];
  if (rows.length > cap) throw new ReadCapExceededError(query.model?.collection?.collectionName ?? '?', cap);
  return rows;
}
