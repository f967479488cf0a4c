import { Select, useI18n } from '@hamgam/ui-kit';
import { STATUSES, type CommitmentFilter, type NeighbourhoodRef } from './api';
import { useLabels } from './labels';
import { NeighbourhoodPicker } from './NeighbourhoodPicker';
import { useAgencies } from './queries';

/** The commitments list's filters: neighbourhood, agency, status, source, overdue (empty: all). */
export function CommitmentFilters({
  filter,
  neighbourhoods,
  onChange,
  oneNeighbourhood = false,
}: {
  filter: CommitmentFilter;
  neighbourhoods: readonly NeighbourhoodRef[];
  onChange: (name: keyof CommitmentFilter, value: string) => void;
  /** No neighbourhood filter (a page about one neighbourhood). */
  oneNeighbourhood?: boolean;
}) {
  const { t, localize } = useI18n();
  const labels = useLabels();
  // The partner agencies by name, as the API lists them.
  const partners = (useAgencies().data ?? []).filter((a) => a.partner);
  const all = { value: '', label: t('coordination.commitments.all') };
  return (
    <div className="hg-form__row" data-testid="commitment-filters">
      {!oneNeighbourhood && (
        <NeighbourhoodPicker
          neighbourhoods={neighbourhoods}
          value={filter.neighbourhoodId ?? ''}
          onChange={(v) => onChange('neighbourhoodId', v)}
          allowAll
          testId="filter-neighbourhood"
        />
      )}
      <Select
        label={t('coordination.commitments.agency')}
        value={filter.agency ?? ''}
        onChange={(e) => onChange('agency', e.target.value)}
        options={[all, ...partners.map((a) => ({ value: a.id, label: localize(a.name) }))]}
        data-testid="filter-agency"
      />
      <Select
        label={t('coordination.commitments.status')}
        value={filter.status ?? ''}
        onChange={(e) => onChange('status', e.target.value)}
        options={[all, ...STATUSES.map((s) => ({ value: s, label: labels.status(s) }))]}
        data-testid="filter-status"
      />
      <Select
        label={t('coordination.commitments.sourceFilter')}
        value={filter.source ?? ''}
        onChange={(e) => onChange('source', e.target.value)}
        options={[
          all,
          ...(['working-group', 'agency'] as const).map((s) => ({ value: s, label: t(`coordination.commitments.source.${s}`) })),
        ]}
        data-testid="filter-source"
      />
      <Select
        label={t('coordination.commitments.overdueFilter')}
        value={filter.overdue ?? ''}
        onChange={(e) => onChange('overdue', e.target.value)}
        options={[
          all,
          { value: 'true', label: t('coordination.commitments.overdueOnly') },
          { value: 'false', label: t('coordination.commitments.notOverdue') },
        ]}
        data-testid="filter-overdue"
      />
    </div>
  );
}
