// The access log's table stacks into one card per entry on a phone: seven columns of refs and times
// cannot fit 360px, and a table wider than the screen would scroll the whole page sideways.
const css = `
.audit__intro { margin: 0; color: var(--hg-muted); }
.audit__agencies { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; border: none; margin: 0; padding: 0; }
.audit__errors { margin: 0; padding-inline-start: 1.25rem; }
.audit__errors:empty { display: none; }
.audit__log { margin-block-end: 0.75rem; }
.audit__log td { overflow-wrap: anywhere; }
.audit__cell-label { display: none; }
.audit__person { background: none; border: none; padding: 0; color: var(--hg-link, inherit); text-decoration: underline dotted; cursor: pointer; font: inherit; }
@media (max-width: 48rem) {
  .audit__log .hg-table thead { display: none; }
  .audit__log .hg-table, .audit__log .hg-table tbody, .audit__log .hg-table tr { display: block; }
  .audit__log .hg-table tr { border: 1px solid var(--hg-border); border-radius: var(--hg-radius); margin-block-end: 0.75rem; padding-block: 0.25rem; }
  .audit__log .hg-table td { display: grid; grid-template-columns: minmax(5rem, 30%) 1fr; gap: 0.75rem; border: none; padding-block: 0.25rem; }
  .audit__cell-label { display: block; color: var(--hg-muted); font-size: 0.85rem; }
}
`;

export function AuditStyles() {
  return (
    <style href="hamgam-shell-audit" precedence="default">
      {css}
    </style>
  );
}
