/**
 * A cell as spreadsheet programs read it safely: quoted when it holds a separator, a quote or a line
 * break, and prefixed with `'` when it starts like a formula (=, +, -, @, tab, CR), since a username or a
 * ref typed by someone else must not run in the auditor's spreadsheet.
 */
const cell = (value: string) => {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV in UTF-8 with a byte-order mark, so Excel opens Persian text correctly; CRLF lines. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const lines = [header, ...rows].map((row) => row.map(cell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
