import { Card, ErrorCard, Loading, useAsync, useI18n } from '@hamgam/ui-kit';
import { useSearchParams } from 'react-router-dom';
import { useCoordinationApi, type CommitmentFilter } from './api';
import { CommitmentFilters } from './CommitmentFilters';
import { CommitmentsTable } from './CommitmentsTable';
import { ExportButtons } from './ExportButtons';

/** Every commitment the user may see, filtered through the URL, with overdue flags; coordinators record statuses. */
export function CommitmentsPage() {
  const api = useCoordinationApi();
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const filter: CommitmentFilter = {
    neighbourhoodId: search.get('neighbourhoodId') ?? undefined,
    agency: search.get('agency') ?? undefined,
    status: search.get('status') ?? undefined,
    overdue: (search.get('overdue') as CommitmentFilter['overdue'] | null) ?? undefined,
  };
  const key = search.toString();
  const neighbourhoods = useAsync(() => api.neighbourhoods(), [api]);
  const commitments = useAsync(() => api.commitments(filter), [api, key]);

  const setFilter = (name: keyof CommitmentFilter, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };

  return (
    <>
      <Card title={t('coordination.commitments.title')}>
        <CommitmentFilters filter={filter} neighbourhoods={neighbourhoods.data ?? []} onChange={setFilter} />
        <ExportButtons path="/commitments/export" params={{ ...filter }} name="commitments" testId="commitments-export" />
      </Card>
      {commitments.error ? (
        <ErrorCard error={commitments.error} onRetry={commitments.reload} />
      ) : !commitments.data ? (
        <Loading />
      ) : (
        <Card>
          <CommitmentsTable rows={commitments.data} neighbourhoods={neighbourhoods.data ?? []} onChanged={commitments.reload} />
        </Card>
      )}
    </>
  );
}
