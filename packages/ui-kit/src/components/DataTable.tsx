import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
}

export interface DataTableProps<T> {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Shown instead of the table when there are no rows; defaults to a generic message. */
  empty?: ReactNode;
  testId?: string;
  rowTestId?: (row: T) => string;
}

export function DataTable<T>({ columns, rows, rowKey, empty, testId, rowTestId }: DataTableProps<T>) {
  const { t } = useI18n();
  if (rows.length === 0) {
    return (
      <p className="hg-empty" data-testid={testId}>
        {empty ?? t('common.empty')}
      </p>
    );
  }
  return (
    <table className="hg-table" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} data-testid={rowTestId?.(row)}>
            {columns.map((column) => (
              <td key={column.key}>{column.render(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
