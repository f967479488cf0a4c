import { needCategories, type NeedCategory, type RankedPriority } from '@hamgam/contracts';

/** Severity 1 (minor) to 5 (urgent) of one need of one household. */
export interface AssessedNeed {
  category: NeedCategory;
  severity: number;
}

export interface AssessmentNeeds {
  needs: readonly AssessedNeed[];
}

/**
 * Bottom-up ranking of a neighbourhood's needs: a category's score is the sum of the severities the
 * households gave it, so a need that is both widespread and severe comes first. Ties go to the need
 * more households share, then to the fixed category order, so the same assessments always give the
 * same list.
 */
export function rankPriorities(assessments: readonly AssessmentNeeds[]): RankedPriority[] {
  const totals = new Map<NeedCategory, { score: number; households: number }>();
  for (const assessment of assessments) {
    for (const need of assessment.needs) {
      if (need.severity <= 0) continue;
      const total = totals.get(need.category) ?? { score: 0, households: 0 };
      total.score += need.severity;
      total.households += 1;
      totals.set(need.category, total);
    }
  }
  return [...totals.entries()]
    .sort(([a, x], [b, y]) => y.score - x.score || y.households - x.households || needCategories.indexOf(a) - needCategories.indexOf(b))
    .map(([category, total], index) => ({ rank: index + 1, category, ...total }));
}
