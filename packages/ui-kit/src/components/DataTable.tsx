import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** The cell's label on a phone's card when `header` is not plain text (e.g. an icon); defaults to `header`. */
  label?: string;
}

export interface DataTableProps<T> {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Shown instead of the table when there are no rows; defaults to a generic message. */
  empty?: ReactNode;
  testId?: string;
  rowTestId?: (row: T) => string;
  /** The table's name for screen readers (e.g. the card's title). */
  label?: string;
}

/**
 * A table on wide screens; under 40rem (phones) each row becomes a card whose cells are labelled with
 * their column's header (styles.tsx: `td::before { content: attr(data-label) }`), so a wide table never
 * makes the page scroll sideways. The label is CSS content, not text, so rows read the same in tests.
 */
export function DataTable<T>({ columns, rows, rowKey, empty, testId, rowTestId, label }: DataTableProps<T>) {
  const { t } = useI18n();
  if (rows.length === 0) {
    return (
      <p className="hg-empty" data-testid={testId}>
        {empty ?? t('common.empty')}
      </p>
    );
  }
  return (
    <div className="hg-table-wrap">
      <table className="hg-table" data-testid={testId} aria-label={label}>
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
                <td key={column.key} data-label={labelOf(column) || undefined}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function labelOf<T>(column: Column<T>): string {
  if (column.label !== undefined) return column.label;
  return typeof column.header === 'string' || typeof column.header === 'number' ? String(column.header) : '';
}
