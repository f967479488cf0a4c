import { useI18n } from '@hamgam/ui-kit';
import type { BadgeTone } from '@hamgam/ui-kit';
import type { CommitmentStatus, NeighbourhoodRef } from './api';
import './messages';
import { useAccess } from './access';

export const statusTone: Record<CommitmentStatus, BadgeTone> = {
  planned: 'neutral',
  'in-progress': 'info',
  delivered: 'success',
  slipped: 'warning',
};

/**
 * Names of the module's codes in the current language: a slug or id never reaches the screen. A code the
 * API added after this version (no message yet) shows as itself rather than as a blank.
 */
export function useLabels() {
  const { t, lookup, localize } = useI18n();
  return {
    category: (category: string | null) => lookup(`coordination.category.${category ?? 'none'}`) ?? String(category),
    agency: (agency: string) => lookup(`coordination.agency.${agency}`) ?? agency,
    status: (status: string) => lookup(`coordination.status.${status}`) ?? status,
    /** The neighbourhood's name from the API's reference list; one it does not name reads "a neighbourhood outside the list". */
    neighbourhood: (id: string, known?: readonly NeighbourhoodRef[]) => {
      const name = known?.find((n) => n.id === id)?.name;
      return name ? localize(name) : t('coordination.neighbourhoodUnnamed');
    },
  };
}

/** Coordinators write; everyone else who may open the module (auditor, representative, agencies' staff) reads. */
export function useCanWrite(): boolean {
  return useAccess().canWrite;
}
