import { Card, ListControls, PagedTable, useI18n, usePagedQuery } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useClinicsApi } from './api';
import { categoryLabel, type CategoryLabels } from './needs';

interface Props {
  neighbourhoodId: string;
  categoryLabels: CategoryLabels;
}

/** A neighbourhood's assessments, a page at a time (a neighbourhood has thousands), found by a household's file number. */
export function AssessmentsCard({ neighbourhoodId, categoryLabels }: Props) {
  const api = useClinicsApi();
  const { t, formatDate, formatList, formatNumber, localize } = useI18n();
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<'newest' | 'oldest'>('newest');
  const assessments = usePagedQuery(['clinics', 'assessments', neighbourhoodId, { q, sort }], (after) =>
    api.assessmentsPage(neighbourhoodId, { q, sort }, after),
  );
  return (
    <Card title={t('clinics.assessments.title')}>
      <ListControls
        testId="assessments-controls"
        search={{ onSearch: setQ, placeholder: t('clinics.assessments.searchHint') }}
        sort={{
          value: sort,
          onChange: (value) => setSort(value as 'newest' | 'oldest'),
          options: (['newest', 'oldest'] as const).map((value) => ({ value, label: t(`residents.sort.${value}`) })),
        }}
      />
      <PagedTable
        paged={assessments}
        testId="assessments"
        rowKey={(a) => a.id}
        rowTestId={(a) => `assessment-${a.fileNumber || a.id}`}
        empty={t('clinics.assessments.empty')}
        columns={[
          {
            key: 'household',
            header: t('clinics.assessments.household'),
            render: (a) => <bdi>{a.fileNumber || t('residents.noFile')}</bdi>,
          },
          {
            key: 'needs',
            header: t('clinics.assessments.needs'),
            render: (a) =>
              formatList(a.needs.map((n) => `${categoryLabel(categoryLabels, n.category, localize)} (${formatNumber(n.severity)})`)),
          },
          { key: 'date', header: t('clinics.assessments.date'), render: (a) => formatDate(a.createdAt) },
        ]}
      />
    </Card>
  );
}
