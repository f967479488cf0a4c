import { createHash } from 'node:crypto';

/** A benefit a household received, as this office granted it or the Relief Committee announced it. */
export interface KnownBenefit {
  benefitId: string;
  householdRef: string;
  purpose: string;
  source: 'institute-funding' | 'relief-partnerships';
  amountRials: number;
  grantedAt: Date;
}

export interface DuplicateFlag {
  /** Stable for the household and purpose, so a review stays attached as more benefits arrive. */
  flagId: string;
  householdRef: string;
  purpose: string;
  /** Both agencies funded it (the case the officers must settle with the Relief Committee). */
  crossAgency: boolean;
  totalRials: number;
  benefits: KnownBenefit[];
}

export const flagIdOf = (householdRef: string, purpose: string) =>
  createHash('sha256').update(`${householdRef}|${purpose}`).digest('hex').slice(0, 24);

/**
 * The same household funded more than once for the same purpose, across the Relief Committee and this
 * office (or twice here): one flag per household and purpose, benefits oldest first. A benefit heard
 * twice counts once.
 */
export function duplicateBenefits(benefits: readonly KnownBenefit[]): DuplicateFlag[] {
  const groups = new Map<string, Map<string, KnownBenefit>>();
  for (const b of benefits) {
    const key = `${b.householdRef}|${b.purpose}`;
    const group = groups.get(key) ?? new Map<string, KnownBenefit>();
    if (!group.has(b.benefitId)) group.set(b.benefitId, b);
    groups.set(key, group);
  }
  const flags: DuplicateFlag[] = [];
  for (const group of groups.values()) {
    if (group.size < 2) continue;
    const list = [...group.values()].sort(
      (a, b) => a.grantedAt.getTime() - b.grantedAt.getTime() || a.benefitId.localeCompare(b.benefitId),
    );
    const { householdRef, purpose } = list[0]!;
    flags.push({
      flagId: flagIdOf(householdRef, purpose),
      householdRef,
      purpose,
      crossAgency: new Set(list.map((b) => b.source)).size > 1,
      totalRials: list.reduce((s, b) => s + b.amountRials, 0),
      benefits: list,
    });
  }
  return flags.sort((a, b) => Number(b.crossAgency) - Number(a.crossAgency) || a.flagId.localeCompare(b.flagId));
}
