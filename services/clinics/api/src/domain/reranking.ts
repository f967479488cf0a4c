import type { NeedCategory, RankedPriority } from '@hamgam/contracts';
import { isFutureDay } from '@hamgam/contracts/days';
import { BrokenRuleError } from '@hamgam/service-kit/errors';

/** The order the residents' meeting (recorded by the clinic worker) or the people's representative agreed, and why. */
export interface AgreedOrder {
  order: NeedCategory[];
  reason: string;
  /** The day of the residents' meeting, YYYY-MM-DD. */
  meetingDate: string;
}

/** A priority in the agreed order (`rank`), keeping the rank the assessments alone gave it (`computedRank`). */
export interface AgreedPriority extends RankedPriority {
  computedRank: number;
}

/**
 * Applies an agreed order to the computed ranking: the categories the agreement names come first, in
 * the agreed order; categories assessed since (which the agreement could not name) follow in computed
 * order; categories the agreement names that no household reports any more drop out. Scores and
 * household counts stay as computed; ranks are renumbered 1..n.
 */
export function applyAgreedOrder(computed: readonly RankedPriority[], agreed: Pick<AgreedOrder, 'order'> | null): AgreedPriority[] {
  const byCategory = new Map(computed.map((p) => [p.category, p]));
  const named = (agreed?.order ?? []).filter((c, i, all) => byCategory.has(c) && all.indexOf(c) === i);
  const namedSet = new Set(named);
  const rest = computed.filter((p) => !namedSet.has(p.category)).map((p) => p.category);
  return [...named, ...rest].map((category, index) => {
    const p = byCategory.get(category)!;
    return { rank: index + 1, category, score: p.score, households: p.households, computedRank: p.rank };
  });
}

/** An agreed order that does not rank the current draft (422, naming the `order` field). */
export class InvalidAgreedOrderError extends BrokenRuleError {
  constructor(message: string) {
    super('agreed-order-invalid', message, 'order');
  }
}

/** The meeting that agreed an order has taken place: its day is today (Iran's) or before. */
export function checkMeetingDate(meetingDate: string, now: Date): void {
  if (isFutureDay(meetingDate, now)) throw new BrokenRuleError('meeting-in-future', 'the meeting date is in the future', 'meetingDate');
}

/** A new agreed order must rank exactly the categories of the current draft, each once. */
export function checkAgreedOrder(computed: readonly RankedPriority[], order: readonly NeedCategory[]): void {
  if (computed.length === 0) throw new InvalidAgreedOrderError('there is no draft ranking to re-rank yet');
  if (new Set(order).size !== order.length) throw new InvalidAgreedOrderError('each category once');
  const current = new Set(computed.map((p) => p.category));
  const unknown = order.filter((c) => !current.has(c));
  if (unknown.length) throw new InvalidAgreedOrderError(`not in the current draft: ${unknown.join(', ')}`);
  const missing = [...current].filter((c) => !order.includes(c));
  if (missing.length)
    throw new InvalidAgreedOrderError(`the agreed order must rank every category of the draft; missing: ${missing.join(', ')}`);
}

/** The contract's view of an agreed priority (the event's `rank` is the agreed rank). */
export const toRankedPriority = ({ rank, category, score, households }: AgreedPriority): RankedPriority => ({
  rank,
  category,
  score,
  households,
});
