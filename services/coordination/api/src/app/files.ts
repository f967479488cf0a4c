import ExcelJS from 'exceljs';
import type { ExportLang, ExportTable } from '../domain/exports.js';

const csvCell = (value: string | number | null) => {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * CSV in UTF-8 with a byte-order mark, so Excel opens Persian text correctly. Several tables are
 * separated by an empty line and headed by their name.
 */
export function toCsv(tables: readonly ExportTable[]): Buffer {
  const blocks = tables.map((table) => {
    const lines = [table.header, ...table.rows].map((row) => row.map(csvCell).join(','));
    return tables.length > 1 ? [csvCell(table.name), ...lines].join('\r\n') : lines.join('\r\n');
  });
  return Buffer.from(`\uFEFF${blocks.join('\r\n\r\n')}\r\n`, 'utf8');
}

/** One worksheet per table, header row bold and frozen, right-to-left for Persian. */
export async function toXlsx(tables: readonly ExportTable[], lang: ExportLang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hamgam';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1, rightToLeft: lang === 'fa' }],
    });
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column, index) => {
      const widest = Math.max(...[table.header, ...table.rows].map((row) => String(row[index] ?? '').length));
      column.width = Math.min(60, Math.max(10, widest + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
