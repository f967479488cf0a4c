import { needCategories, type NeedCategory } from '@hamgam/contracts';
import type { AssessedNeed } from '../domain/ranking.js';

/**
 * Deterministic demo assessments: each neighbourhood leans towards the needs its residents named at
 * the meeting (workshop permits and home-based-job training first), with noise so lists differ.
 */
export function demoAssessments(neighbourhoodId: string, households: number): { householdRef: string; needs: AssessedNeed[] }[] {
  let seed = [...neighbourhoodId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;
  const lean: Record<NeedCategory, number> = {
    'workshop-space': 0.7,
    'skills-training': 0.65,
    employment: 0.55,
    'income-support': 0.4,
    'housing-repair': 0.35,
    'social-care': 0.25,
  };
  return Array.from({ length: households }, (_, i) => {
    const needs = needCategories
      .filter((c) => random() < lean[c])
      .map((category) => ({ category, severity: 1 + Math.floor(random() * 5) }));
    return {
      householdRef: `HH-${String(i + 1).padStart(4, '0')}`,
      needs: needs.length ? needs : [{ category: 'employment', severity: 2 }],
    };
  });
}
