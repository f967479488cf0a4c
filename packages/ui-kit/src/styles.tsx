// Plain CSS kept in one string and rendered as a React 19 hoisted <style>: no CSS loader is
// needed in any bundle, and the `href` makes React insert it once however many remotes render it.
// Logical properties (inline/block) so the same rules work right-to-left and left-to-right.
const css = `
:root {
  --hg-font: Vazirmatn, Tahoma, 'Noto Sans Arabic', sans-serif;
  --hg-bg: #f5f7f8;
  --hg-surface: #ffffff;
  --hg-border: #dde3e7;
  --hg-text: #1f2d33;
  --hg-muted: #5b6b73;
  --hg-primary: #1d6f78;
  --hg-primary-strong: #14545b;
  --hg-primary-soft: #e3f1f2;
  --hg-danger: #a33a3a;
  --hg-danger-soft: #fbeeee;
  --hg-radius: 10px;
}
body { margin: 0; font-family: var(--hg-font); background: var(--hg-bg); color: var(--hg-text); line-height: 1.6; overflow-wrap: break-word; }
img, svg, video, canvas { max-inline-size: 100%; }
pre { white-space: pre-wrap; }
button, input, select, textarea { font: inherit; }
:lang(fa) ol { list-style-type: persian; }
.hg-page { padding-block: 1.5rem; padding-inline: 1.5rem; max-inline-size: 72rem; }
.hg-page__header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 1rem; margin-block-end: 1.25rem; }
.hg-page__title { margin: 0; font-size: 1.4rem; font-weight: 600; }
/* minmax(0, …) and min-inline-size: 0: one wide child (a table, a long word) must not widen the page's column
   and with it every card, header and tab row beside it. */
.hg-page__body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
.hg-page__body > *, .hg-card > * { min-inline-size: 0; }
.hg-card { background: var(--hg-surface); border: 1px solid var(--hg-border); border-radius: var(--hg-radius); padding-block: 1rem; padding-inline: 1.25rem; }
.hg-card__header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 1rem; margin-block-end: 0.75rem; }
.hg-card__title { margin: 0; font-size: 1.05rem; font-weight: 600; }
.hg-card--error { border-color: var(--hg-danger); background: var(--hg-danger-soft); }
.hg-card--error .hg-card__title { color: var(--hg-danger); }
.hg-table-wrap { max-inline-size: 100%; overflow-x: auto; }
.hg-table { inline-size: 100%; border-collapse: collapse; }
.hg-table th, .hg-table td { text-align: start; padding-block: 0.5rem; padding-inline: 0.75rem; border-block-end: 1px solid var(--hg-border); }
.hg-table th { color: var(--hg-muted); font-weight: 600; font-size: 0.9rem; }
.hg-empty { color: var(--hg-muted); margin: 0; }
.hg-form { display: grid; gap: 0.9rem; }
.hg-form__row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; }
.hg-field { display: grid; gap: 0.3rem; min-inline-size: 10rem; }
.hg-field__label { font-size: 0.9rem; color: var(--hg-muted); }
.hg-field__error { font-size: 0.85rem; color: var(--hg-danger); }
.hg-check { display: inline-flex; align-items: center; gap: 0.5rem; min-block-size: 2.5rem; cursor: pointer; }
.hg-check input { inline-size: 1.25rem; block-size: 1.25rem; margin: 0; flex: none; }
/* A check box under its label sits at the line's start, not stretched to the middle of the field. */
.hg-field > input:is([type='checkbox'], [type='radio']) { justify-self: start; inline-size: 1.25rem; block-size: 1.25rem; margin: 0; }
.hg-input { border: 1px solid var(--hg-border); border-radius: 8px; padding-block: 0.45rem; padding-inline: 0.6rem; background: var(--hg-surface); color: var(--hg-text); }
.hg-input:focus { outline: 2px solid var(--hg-primary); outline-offset: 1px; }
.hg-input[aria-invalid='true'] { border-color: var(--hg-danger); }
.hg-field__hint { font-size: 0.85rem; color: var(--hg-muted); }
.hg-date { display: flex; gap: 0.3rem; align-items: stretch; }
.hg-date__text { flex: 1; min-inline-size: 0; }
.hg-date__text, .hg-time { text-align: left; font-variant-numeric: tabular-nums; }
.hg-date__open { border: 1px solid var(--hg-border); border-radius: 8px; background: var(--hg-surface); color: var(--hg-primary); cursor: pointer; padding-inline: 0.5rem; display: inline-flex; align-items: center; }
.hg-date__open:focus-visible { outline: 2px solid var(--hg-primary); outline-offset: 1px; }
.hg-date__popover { z-index: 1000; background: var(--hg-surface); border: 1px solid var(--hg-border); border-radius: var(--hg-radius); box-shadow: 0 6px 24px rgb(0 0 0 / 0.15); padding: 0.5rem; max-inline-size: calc(100vw - 1rem); }
.hg-date__popover:focus { outline: none; }
.rdp-root { position: relative; }
.rdp-month_caption { display: flex; align-items: center; block-size: 2.5rem; margin-inline-end: 4.5rem; font-weight: 600; }
.rdp-nav { position: absolute; inset-block-start: 0; inset-inline-end: 0; display: flex; block-size: 2.5rem; align-items: center; }
.rdp-button_previous, .rdp-button_next { inline-size: 2.25rem; block-size: 2.25rem; border: none; border-radius: 8px; background: none; cursor: pointer; display: inline-flex; align-items: center; justify-content: center; }
.rdp-button_previous:hover, .rdp-button_next:hover, .rdp-day_button:hover { background: var(--hg-primary-soft); }
.rdp-button_previous:disabled, .rdp-button_next:disabled, .rdp-button_previous[aria-disabled='true'], .rdp-button_next[aria-disabled='true'] { opacity: 0.4; cursor: default; }
.rdp-chevron { fill: var(--hg-primary); }
.rdp-root[dir='rtl'] .rdp-nav .rdp-chevron { transform: rotate(180deg); }
.rdp-dropdowns { display: inline-flex; gap: 0.5rem; align-items: center; }
.rdp-dropdown_root { position: relative; display: inline-flex; align-items: center; }
.rdp-dropdown { position: absolute; inset: 0; opacity: 0; inline-size: 100%; cursor: pointer; border: none; margin: 0; }
.rdp-dropdown:focus-visible ~ .rdp-caption_label { outline: 2px solid var(--hg-primary); border-radius: 4px; }
.rdp-caption_label { display: inline-flex; align-items: center; gap: 0.2rem; white-space: nowrap; }
.rdp-month_grid { border-collapse: collapse; }
.rdp-weekday { font-size: 0.8rem; font-weight: 500; color: var(--hg-muted); padding-block: 0.3rem; text-align: center; }
.rdp-day { padding: 0; text-align: center; }
.rdp-day_button { inline-size: 2.25rem; block-size: 2.25rem; border: 2px solid transparent; border-radius: 50%; background: none; color: inherit; font: inherit; cursor: pointer; display: flex; align-items: center; justify-content: center; }
.rdp-day_button:focus-visible { outline: 2px solid var(--hg-primary); outline-offset: 1px; }
.rdp-today .rdp-day_button { border-color: var(--hg-primary); font-weight: 700; }
.rdp-selected .rdp-day_button { background: var(--hg-primary); color: #fff; }
.rdp-outside { opacity: 0.5; }
.rdp-disabled .rdp-day_button { opacity: 0.35; cursor: default; text-decoration: line-through; }
.rdp-hidden { visibility: hidden; }
.hg-button { border: 1px solid var(--hg-primary); border-radius: 8px; padding-block: 0.45rem; padding-inline: 1rem; cursor: pointer; background: var(--hg-primary); color: #fff; }
.hg-button:hover { background: var(--hg-primary-strong); }
.hg-button:disabled { opacity: 0.6; cursor: progress; }
.hg-button--secondary { background: var(--hg-surface); color: var(--hg-primary); }
.hg-button--secondary:hover { background: var(--hg-primary-soft); }
.hg-loading { color: var(--hg-muted); padding-block: 1rem; }
.hg-dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1rem; margin: 0; }
.hg-dl dt { color: var(--hg-muted); }
.hg-dl dd { margin: 0; }
.hg-tags { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; margin: 0; padding: 0; }
.hg-subnav { display: flex; flex-wrap: wrap; gap: 0.25rem; border-block-end: 1px solid var(--hg-border); margin-block-end: 0.5rem; }
.hg-subnav__link { padding-block: 0.5rem; padding-inline: 0.9rem; color: var(--hg-muted); text-decoration: none; border-block-end: 3px solid transparent; }
.hg-subnav__link--active { color: var(--hg-primary-strong); border-block-end-color: var(--hg-primary); font-weight: 600; }
.hg-badge { display: inline-block; border-radius: 999px; padding-inline: 0.6rem; font-size: 0.85rem; white-space: nowrap; background: #eef1f3; color: var(--hg-text); }
.hg-badge--info { background: var(--hg-primary-soft); color: var(--hg-primary-strong); }
.hg-badge--success { background: #e6f4ea; color: #1e6b34; }
.hg-badge--warning { background: #fff4de; color: #8a5a00; }
.hg-badge--danger { background: var(--hg-danger-soft); color: var(--hg-danger); }
.hg-list-controls { display: flex; flex-wrap: wrap; gap: 0.75rem 1rem; align-items: end; }
.hg-list-controls__search { flex: 1 1 14rem; }
.hg-pager { display: flex; flex-wrap: wrap; align-items: center; justify-content: center; gap: 0.75rem; padding-block: 0.5rem; }
.hg-pager__page { color: var(--hg-muted); font-variant-numeric: tabular-nums; }
.hg-picker { position: relative; display: flex; align-items: stretch; }
.hg-picker__input { flex: 1; min-inline-size: 0; }
.hg-picker__clear { position: absolute; inset-inline-end: 0.3rem; inset-block-start: 50%; transform: translateY(-50%); border: none; background: none; color: var(--hg-muted); font-size: 1.2rem; line-height: 1; cursor: pointer; padding-inline: 0.4rem; min-block-size: 2rem; }
.hg-picker__list { position: absolute; z-index: 1000; inset-block-start: calc(100% + 2px); inset-inline: 0; margin: 0; padding: 0.25rem; list-style: none; max-block-size: min(16rem, 50vh); overflow-y: auto; background: var(--hg-surface); border: 1px solid var(--hg-border); border-radius: 8px; box-shadow: 0 6px 24px rgb(0 0 0 / 0.15); }
.hg-picker__list:empty { display: none; }
.hg-picker__option { display: flex; flex-direction: column; padding-block: 0.45rem; padding-inline: 0.6rem; border-radius: 6px; cursor: pointer; overflow-wrap: anywhere; }
.hg-picker__option--active, .hg-picker__option:hover { background: var(--hg-primary-soft); }
.hg-picker__option[aria-selected='true'] { font-weight: 600; }
.hg-picker__hint { font-size: 0.8rem; color: var(--hg-muted); }
.hg-picker__status { font-size: 0.85rem; color: var(--hg-muted); padding-block: 0.3rem; padding-inline: 0.6rem; }
.hg-amount { display: flex; align-items: center; gap: 0.4rem; }
.hg-amount__input { flex: 1; min-inline-size: 0; text-align: right; font-variant-numeric: tabular-nums; }
.hg-amount__unit { color: var(--hg-muted); font-size: 0.9rem; white-space: nowrap; }
.hg-digits { text-align: left; font-variant-numeric: tabular-nums; }
[dir='rtl'] .hg-digits { text-align: right; }
.hg-confirm { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; padding-block: 0.3rem; padding-inline: 0.6rem; border: 1px solid var(--hg-danger); border-radius: 8px; background: var(--hg-danger-soft); }
.hg-confirm__question { font-weight: 600; }
.hg-tag { background: var(--hg-primary-soft); color: var(--hg-primary-strong); border-radius: 999px; padding-inline: 0.7rem; font-size: 0.9rem; }
/* Phones: nothing wider than the screen. Fields take the whole row, rows wrap, long words (ids in a
   message, an e-mail, a URL) break, touch targets are at least 2.5rem high. */
@media (max-width: 40rem) {
  .hg-page { padding-block: 1rem; padding-inline: 0.75rem; }
  .hg-page__title { font-size: 1.2rem; }
  .hg-card { padding-inline: 0.85rem; }
  .hg-page, .hg-card, .hg-form, .hg-field { min-inline-size: 0; overflow-wrap: anywhere; }
  .hg-form__row > *, .hg-list-controls > * { flex: 1 1 100%; min-inline-size: 0; }
  .hg-input:not([type='checkbox'], [type='radio']) { inline-size: 100%; max-inline-size: 100%; box-sizing: border-box; min-block-size: 2.5rem; }
  .hg-button { min-block-size: 2.5rem; }
  .hg-dl { grid-template-columns: minmax(0, 1fr); gap: 0.1rem; }
  .hg-dl dd { margin-block-end: 0.5rem; }
  .hg-badge { white-space: normal; max-inline-size: 100%; }
  .hg-subnav__link { padding-inline: 0.6rem; }
}
/* Phones: a table's rows become cards, each cell labelled with its column's header (DataTable's data-label). */
@media (max-width: 40rem) {
  /* Each cell says its header (data-label, read by screen readers too); a block-laid table has no header cells to point at. */
  .hg-table thead { display: none; }
  .hg-table, .hg-table tbody, .hg-table tr, .hg-table td { display: block; inline-size: 100%; box-sizing: border-box; }
  .hg-table tr { border: 1px solid var(--hg-border); border-radius: var(--hg-radius); background: var(--hg-surface); padding-block: 0.4rem; margin-block-end: 0.6rem; }
  .hg-table td { border-block-end: none; padding-block: 0.25rem; padding-inline: 0.75rem; overflow-wrap: anywhere; }
  .hg-table td[data-label]::before { content: attr(data-label); display: block; color: var(--hg-muted); font-size: 0.8rem; }
  .hg-table td:first-child { font-weight: 600; }
}
`;

export function UiKitStyles() {
  return (
    <style href="hamgam-ui-kit" precedence="default">
      {css}
    </style>
  );
}
