import { Badge, useApiQuery, useI18n, type BadgeTone } from '@hamgam/ui-kit';
import type { CaseState, Level } from './api';
import { useWelfareApi } from './api';

const levelTone: Record<Level, BadgeTone> = { low: 'success', medium: 'warning', high: 'danger' };
const stateTone: Record<CaseState, BadgeTone> = {
  opened: 'neutral',
  assessed: 'info',
  planned: 'info',
  'in-follow-up': 'info',
  closed: 'success',
};

export function LevelBadge({ level, testId }: { level: Level | null; testId?: string }) {
  const { t } = useI18n();
  return (
    <Badge tone={level ? levelTone[level] : 'neutral'} testId={testId}>
      {t(`welfare.level.${level ?? 'unassessed'}`)}
    </Badge>
  );
}

export function StateBadge({ state, testId }: { state: CaseState; testId?: string }) {
  const { t } = useI18n();
  return (
    <Badge tone={stateTone[state]} testId={testId}>
      {t(`welfare.state.${state}`)}
    </Badge>
  );
}

/** Names change rarely: the places are read once in a while, not on every screen. */
const placesStaleMs = 10 * 60_000;

/** The programme's neighbourhoods as the desk serves them (every one, by name), for pickers and labels. */
export function usePlaces() {
  const api = useWelfareApi();
  const { localize, t } = useI18n();
  const places = useApiQuery(['welfare', 'places'], () => api.places(), { staleTime: placesStaleMs });
  const neighbourhoods = places.data?.neighbourhoods ?? [];
  const names = new Map(neighbourhoods.map((n) => [n.neighbourhoodId, localize(n.name)]));
  return {
    neighbourhoods,
    /** A neighbourhood's name in the user's language; never its slug. */
    nameOf: (id: string | null) => (id === null ? '—' : (names.get(id) ?? t('welfare.place.unknown'))),
  };
}

/** A neighbourhood's name by its id (see usePlaces). */
export function useNeighbourhoodName() {
  return usePlaces().nameOf;
}
