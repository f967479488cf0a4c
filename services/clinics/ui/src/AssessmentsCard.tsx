import { Card, DataTable, ErrorCard, Loading, useI18n, type AsyncState } from '@hamgam/ui-kit';
import type { Assessment } from './api';
import { categoryLabel, type CategoryLabels } from './needs';

interface Props {
  state: AsyncState<Assessment[]>;
  categoryLabels: CategoryLabels;
  /** Household id → the clinic's file number, to show instead of the id. */
  fileNumbers?: ReadonlyMap<string, string>;
}

export function AssessmentsCard({ state, categoryLabels, fileNumbers }: Props) {
  const shown = (ref: string) => fileNumbers?.get(ref) || ref;
  const { t, formatDate, formatList, formatNumber, localize } = useI18n();
  return (
    <Card title={t('clinics.assessments.title')}>
      {state.error ? (
        <ErrorCard error={state.error} onRetry={state.reload} />
      ) : !state.data ? (
        <Loading />
      ) : (
        <DataTable
          testId="assessments"
          rows={state.data}
          rowKey={(a) => a.id}
          rowTestId={(a) => `assessment-${shown(a.householdRef)}`}
          empty={t('clinics.assessments.empty')}
          columns={[
            { key: 'household', header: t('clinics.assessments.household'), render: (a) => <bdi>{shown(a.householdRef)}</bdi> },
            {
              key: 'needs',
              header: t('clinics.assessments.needs'),
              render: (a) =>
                formatList(a.needs.map((n) => `${categoryLabel(categoryLabels, n.category, localize)} (${formatNumber(n.severity)})`)),
            },
            { key: 'date', header: t('clinics.assessments.date'), render: (a) => formatDate(a.createdAt) },
          ]}
        />
      )}
    </Card>
  );
}
