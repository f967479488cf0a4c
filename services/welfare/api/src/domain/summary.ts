import { eligibilityFlags, type EligibilityFlag } from '@hamgam/contracts';
import { caseStates, isFlagActive, isVisitOverdue, overdueTasks, type CaseState, type WelfareCase } from './cases.js';

type Counts<K extends string> = Record<K, number>;
type LevelKey = 'low' | 'medium' | 'high' | 'unassessed';

export interface CountsOf {
  total: number;
  byState: Counts<CaseState>;
  byLevel: Counts<LevelKey>;
  withOverdueWork: number;
}

export interface CaseloadSummary {
  neighbourhoods: ({ neighbourhoodId: string } & CountsOf)[];
  totals: CountsOf;
  activeFlags: Counts<EligibilityFlag>;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;
const empty = (): CountsOf => ({
  total: 0,
  byState: zeros(caseStates),
  byLevel: zeros(['low', 'medium', 'high', 'unassessed'] as const),
  withOverdueWork: 0,
});

/** A case has overdue work when a task is past its due day or the planned next visit was missed. */
export const hasOverdueWork = (c: WelfareCase, now: Date) => overdueTasks(c, now).length > 0 || isVisitOverdue(c, now);

/**
 * The programme-wide view of welfare's casework (coordinators, auditors): counts per neighbourhood, by
 * stage and vulnerability level, and how many have overdue work; active flags counted programme-wide.
 * Nothing that names or singles out a household.
 */
export function summarise(cases: readonly (WelfareCase & { neighbourhoodId: string })[], now: Date): CaseloadSummary {
  const per = new Map<string, CountsOf>();
  const totals = empty();
  const activeFlags = zeros(eligibilityFlags);
  for (const c of cases) {
    const here = per.get(c.neighbourhoodId) ?? empty();
    per.set(c.neighbourhoodId, here);
    const level: LevelKey = c.assessment?.result.level ?? 'unassessed';
    const overdue = hasOverdueWork(c, now);
    for (const counts of [here, totals]) {
      counts.total++;
      counts.byState[c.state]++;
      counts.byLevel[level]++;
      if (overdue) counts.withOverdueWork++;
    }
    for (const f of c.flags) if (isFlagActive(f, now)) activeFlags[f.flag]++;
  }
  const neighbourhoods = [...per.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([neighbourhoodId, counts]) => ({ neighbourhoodId, ...counts }));
  return { neighbourhoods, totals, activeFlags };
}
