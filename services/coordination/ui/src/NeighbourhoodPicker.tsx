import { Select, useI18n } from '@hamgam/ui-kit';
import type { NeighbourhoodRef } from './api';
import { useLabels } from './labels';

export function NeighbourhoodPicker({
  neighbourhoods,
  value,
  onChange,
  allowAll,
  testId = 'neighbourhood-select',
}: {
  neighbourhoods: readonly NeighbourhoodRef[];
  value: string;
  onChange: (id: string) => void;
  allowAll?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const labels = useLabels();
  const options = neighbourhoods.map((n) => ({ value: n.id, label: labels.neighbourhood(n.id, neighbourhoods) }));
  return (
    <Select
      label={t('coordination.neighbourhood')}
      data-testid={testId}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      options={allowAll ? [{ value: '', label: t('coordination.commitments.all') }, ...options] : options}
    />
  );
}
