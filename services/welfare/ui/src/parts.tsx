import { Badge, useAsync, useI18n, type BadgeTone } from '@hamgam/ui-kit';
import type { CaseState, Level } from './api';
import { useWelfareApi } from './api';

/** An opaque id, shortened for reading (the whole id in its tooltip). */
export const ShortRef = ({ value, testId }: { value: string; testId?: string }) => (
  <bdi dir="ltr" title={value} style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
    {value.slice(0, 8)}
  </bdi>
);

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

/** The neighbourhoods' names as the clinics published them with their priorities; the id where none is known. */
export function useNeighbourhoodName() {
  const api = useWelfareApi();
  const { localize } = useI18n();
  const names = useAsync(() => api.neighbourhoods().catch(() => []), [api]);
  const map = new Map((names.data ?? []).map((n) => [n.neighbourhoodId, localize(n.neighbourhoodName)]));
  return (id: string | null) => (id === null ? '—' : (map.get(id) ?? id));
}
