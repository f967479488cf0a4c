import { Badge, ListControls, PagedTable, Select, useI18n, usePagedQuery } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { relations, useResidentsApi, type ArchivedFilter } from './api';

/**
 * The clinic's residents one by one (the households list groups them): named for the clinic's own staff,
 * with the household's file number; found by name, national id, file number or tracking code, sorted by
 * registration, filtered by relation or (`?consents=ending` in the address, where the home's card links) to those
 * whose consent ends within two weeks, paged on the server.
 */
export function ResidentsList({ clinicId, ownClinic, basePath }: { clinicId: string; ownClinic: boolean; basePath: string }) {
  const api = useResidentsApi();
  const { t, formatDate, formatNumber } = useI18n();
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<'newest' | 'oldest'>('newest');
  const [relation, setRelation] = useState('');
  const [archived, setArchived] = useState<ArchivedFilter>('exclude');
  const [params, setParams] = useSearchParams();
  const consentsEnding = params.get('consents') === 'ending';
  const setConsentsEnding = (only: boolean) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (only) next.set('consents', 'ending');
        else next.delete('consents');
        return next;
      },
      { replace: true },
    );
  const filter = { q, sort, relation, archived, ...(consentsEnding && { consents: 'ending' as const }) };
  const residents = usePagedQuery(['clinics', 'residents', clinicId, filter], (after) => api.residentsPage(clinicId, filter, after));
  return (
    <>
      <ListControls
        testId="residents-controls"
        search={{ onSearch: setQ, placeholder: ownClinic ? t('residents.searchHint') : t('residents.searchHintFile') }}
        sort={{
          value: sort,
          onChange: (value) => setSort(value as 'newest' | 'oldest'),
          options: (['newest', 'oldest'] as const).map((value) => ({ value, label: t(`residents.sort.${value}`) })),
        }}
        filters={
          <>
            <Select
              label={t('residents.relation')}
              data-testid="residents-relation-filter"
              value={relation}
              onChange={(event) => setRelation(event.target.value)}
              options={[
                { value: '', label: t('referrals.filter.all') },
                ...relations.map((r) => ({ value: r, label: t(`residents.relation.${r}`) })),
              ]}
            />
            <Select
              label={t('residents.archived')}
              data-testid="residents-archived-filter"
              value={archived}
              onChange={(event) => setArchived(event.target.value as ArchivedFilter)}
              options={(['exclude', 'include', 'only'] as const).map((value) => ({ value, label: t(`residents.archived.${value}`) }))}
            />
            <label className="hg-field">
              <span>
                <input
                  type="checkbox"
                  data-testid="residents-consents-filter"
                  checked={consentsEnding}
                  onChange={(event) => setConsentsEnding(event.target.checked)}
                />{' '}
                {t('residents.filter.consentsEnding')}
              </span>
            </label>
          </>
        }
      />
      <PagedTable
        paged={residents}
        testId="residents-list"
        label={t('residents.people')}
        rowKey={(r) => r.id}
        rowTestId={(r) => `resident-row-${r.fileNumber}-${r.relation}`}
        empty={q ? t('residents.noMatch') : consentsEnding ? t('residents.noConsentsEnding') : t('residents.noResidents')}
        columns={[
          {
            key: 'name',
            header: t('residents.name'),
            render: (r) => (
              <Link to={`${basePath}/residents/${r.id}`}>
                {r.fullName ?? t('residents.hidden')} {r.archivedAt && <Badge tone="neutral">{t('residents.archivedBadge')}</Badge>}
              </Link>
            ),
          },
          {
            key: 'file',
            header: t('residents.fileNumber'),
            render: (r) => (
              <Link to={`${basePath}/residents/households/${r.householdId}`}>
                <bdi>{r.fileNumber || t('residents.noFile')}</bdi>
              </Link>
            ),
          },
          { key: 'relation', header: t('residents.relation'), render: (r) => t(`residents.relation.${r.relation}`) },
          {
            key: 'birth',
            header: t('residents.birthYear'),
            render: (r) => (r.birthYear ? formatNumber(r.birthYear, { useGrouping: false }) : '—'),
          },
          { key: 'registered', header: t('residents.registeredAt'), render: (r) => formatDate(r.registeredAt) },
        ]}
      />
    </>
  );
}
