import { useAuth, useI18n } from '@hamgam/ui-kit';
import type { BadgeTone } from '@hamgam/ui-kit';
import type { CommitmentStatus, NeighbourhoodRef } from './api';
import './messages';

export const statusTone: Record<CommitmentStatus, BadgeTone> = {
  planned: 'neutral',
  'in-progress': 'info',
  delivered: 'success',
  slipped: 'warning',
};

/** Names of the module's codes in the current language. */
export function useLabels() {
  const { t, localize } = useI18n();
  return {
    category: (category: string | null) => t(`coordination.category.${category ?? 'none'}`),
    agency: (agency: string) => t(`coordination.agency.${agency}`),
    status: (status: string) => t(`coordination.status.${status}`),
    neighbourhood: (id: string, known?: readonly NeighbourhoodRef[]) => {
      const name = known?.find((n) => n.id === id)?.name;
      return name ? localize(name) : id;
    },
  };
}

/** Coordinators write; everyone else who may open the module (auditor, representative, agencies' staff) reads. */
export function useCanWrite(): boolean {
  return useAuth().hasRole('coordinator');
}
