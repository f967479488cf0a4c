import { Card, ErrorCard, ListControls, Loading, Pager, useI18n, usePagedQuery, useQueryClient } from '@hamgam/ui-kit';
import { useSearchParams } from 'react-router-dom';
import { COMMITMENT_SORTS, useCoordinationApi, type CommitmentFilter, type CommitmentSort } from './api';
import { CommitmentFilters } from './CommitmentFilters';
import { CommitmentsTable } from './CommitmentsTable';
import { ExportButtons } from './ExportButtons';
import { keys, useNeighbourhoods } from './queries';

const filterNames = ['neighbourhoodId', 'agency', 'status', 'source', 'meetingId', 'overdue', 'q'] as const;

/**
 * Every commitment the user may see, searched, filtered, sorted and paged by the API (the filters live in
 * the URL, so a link such as the home's "overdue" opens the same list); coordinators record statuses.
 */
export function CommitmentsPage() {
  const api = useCoordinationApi();
  const { t } = useI18n();
  const client = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const filter: CommitmentFilter = Object.fromEntries(filterNames.flatMap((name) => (search.get(name) ? [[name, search.get(name)]] : [])));
  const sort = (COMMITMENT_SORTS as readonly string[]).includes(search.get('sort') ?? '')
    ? (search.get('sort') as CommitmentSort)
    : COMMITMENT_SORTS[0];
  const neighbourhoods = useNeighbourhoods();
  const commitments = usePagedQuery([...keys.commitments, filter, sort], (after) => api.commitmentsPage(filter, sort, after), {
    module: 'coordination',
  });

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };

  if (neighbourhoods.error) return <ErrorCard error={neighbourhoods.error} onRetry={neighbourhoods.reload} />;
  if (!neighbourhoods.data) return <Loading />;
  return (
    <>
      <Card title={t('coordination.commitments.title')}>
        <ListControls
          testId="commitments-controls"
          search={{ onSearch: (q) => setParam('q', q), initial: filter.q, placeholder: t('coordination.commitments.searchHint') }}
          sort={{
            value: sort,
            onChange: (value) => setParam('sort', value === COMMITMENT_SORTS[0] ? '' : value),
            options: COMMITMENT_SORTS.map((value) => ({ value, label: t(`coordination.commitments.sort.${value}`) })),
          }}
          filters={<CommitmentFilters filter={filter} neighbourhoods={neighbourhoods.data} onChange={setParam} />}
        />
        <ExportButtons path="/commitments/export" params={{ ...filter }} name="commitments" testId="commitments-export" />
      </Card>
      {commitments.error ? (
        <ErrorCard error={commitments.error} onRetry={commitments.reload} />
      ) : commitments.loading ? (
        <Loading />
      ) : (
        <Card>
          <CommitmentsTable
            rows={commitments.items}
            neighbourhoods={neighbourhoods.data}
            onChanged={() => void client.invalidateQueries({ queryKey: keys.all })}
          />
          <Pager {...commitments} testId="commitments-pager" />
        </Card>
      )}
    </>
  );
}
