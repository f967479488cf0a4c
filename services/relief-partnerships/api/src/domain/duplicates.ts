/**
 * The duplicate-benefit check: the same household funded twice for the same purpose, by the Relief
 * Committee itself or by the institute-funding office. Opaque ids only. Pure.
 */
export interface Benefit {
  /** The benefit's id (relief: the request's benefit id; institute funding: its event's benefitId). */
  benefitId: string;
  source: 'relief-partnerships' | 'institute-funding';
  householdRef: string;
  purpose: string;
  amountRials: number;
  grantedAt: Date;
  /** Relief's own request the benefit came from, when it is one. */
  requestId: string | null;
}

export interface DuplicateFlag {
  householdRef: string;
  purpose: string;
  benefits: Benefit[];
}

const keyOf = (b: { householdRef: string; purpose: string }) => `${b.householdRef}|${b.purpose}`;

/** Every household and purpose funded more than once, oldest benefit first; the flags newest first. */
export function duplicateBenefits(benefits: readonly Benefit[]): DuplicateFlag[] {
  const groups = new Map<string, Benefit[]>();
  const seen = new Set<string>();
  for (const b of benefits) {
    if (seen.has(b.benefitId)) continue; // one benefit heard twice is one benefit
    seen.add(b.benefitId);
    const key = keyOf(b);
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const sorted = [...group].sort((a, b) => a.grantedAt.getTime() - b.grantedAt.getTime());
      return { householdRef: sorted[0]!.householdRef, purpose: sorted[0]!.purpose, benefits: sorted };
    })
    .sort((a, b) => b.benefits.at(-1)!.grantedAt.getTime() - a.benefits.at(-1)!.grantedAt.getTime());
}

/** The benefits the household already had for this purpose, other than the request's own: shown before approving. */
export function priorBenefits(
  request: { requestId: string; householdRef: string; purpose: string },
  benefits: readonly Benefit[],
): Benefit[] {
  return benefits.filter((b) => keyOf(b) === keyOf(request) && b.requestId !== request.requestId);
}
