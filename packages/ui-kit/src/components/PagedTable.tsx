import type { PagedQuery } from '../query/hooks';
import { DataTable, type DataTableProps } from './DataTable';
import { ErrorCard } from './ErrorCard';
import { Pager } from './ListControls';
import { Loading } from './Loading';

export type PagedTableProps<T> = Omit<DataTableProps<T>, 'rows'> & { paged: PagedQuery<T> };

/**
 * The paged-list pattern in one piece: a usePagedQuery result shown as a DataTable (cards on phones) with
 * its pager, a loading line on the first page and an error card with retry. Put ListControls above it.
 */
export function PagedTable<T>({ paged, testId, ...table }: PagedTableProps<T>) {
  if (paged.loading) return <Loading />;
  if (paged.error) return <ErrorCard error={paged.error} onRetry={paged.reload} />;
  return (
    <div className="hg-paged" aria-busy={paged.fetching || undefined}>
      <DataTable rows={paged.items} testId={testId} {...table} />
      <Pager {...paged} testId={testId ? `${testId}-pager` : undefined} />
    </div>
  );
}
