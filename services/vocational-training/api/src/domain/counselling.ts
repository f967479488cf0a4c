import { BrokenRuleError } from '@hamgam/service-kit/errors';

export const demandLevels = ['high', 'medium', 'low'] as const;
export type DemandLevel = (typeof demandLevels)[number];

/** A session is booked, then recorded once: held (with notes and guidance) or a no-show. */
export const sessionStates = ['booked', 'held', 'no-show'] as const;
export type SessionState = (typeof sessionStates)[number];

/** Guidance names trades of the office's demand list; an unknown trade is refused. */
export function checkGuidance(trades: readonly string[], demandList: ReadonlySet<string>): string[] {
  const unknown = trades.filter((t) => !demandList.has(t));
  if (unknown.length > 0)
    throw new BrokenRuleError('guidance-not-on-demand-list', `not on the trade demand list: ${unknown.join(', ')}`, 'guidance');
  return [...new Set(trades)];
}

/** Orders the demand list as a counsellor reads it: high demand first, then by trade. */
export function byDemand<T extends { level: DemandLevel; trade: string }>(rows: readonly T[]): T[] {
  const rank = { high: 0, medium: 1, low: 2 } as const;
  return [...rows].sort((a, b) => rank[a.level] - rank[b.level] || a.trade.localeCompare(b.trade));
}
