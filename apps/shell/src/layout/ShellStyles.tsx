// Layout of the frame around the modules; components inside use ui-kit's styles.
const css = `
.shell { min-block-size: 100vh; display: grid; grid-template-rows: auto 1fr; }
.shell__header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding-block: 0.6rem; padding-inline: 1.25rem; background: var(--hg-primary); color: #fff; }
.shell__brand { font-size: 1.25rem; font-weight: 700; margin-inline-end: auto; color: inherit; text-decoration: none; }
.shell__user { opacity: 0.9; min-inline-size: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.shell__menu-button { display: none; align-items: center; gap: 0.5rem; min-block-size: 2.5rem; padding-inline: 0.75rem; border: 1px solid rgba(255, 255, 255, 0.6); border-radius: 8px; background: transparent; color: #fff; cursor: pointer; }
.shell__menu-button:focus-visible { outline: 2px solid #fff; outline-offset: 2px; }
.shell__menu-icon, .shell__menu-icon::before, .shell__menu-icon::after { display: block; inline-size: 1.1rem; block-size: 2px; background: currentColor; border-radius: 1px; }
.shell__menu-icon { position: relative; }
.shell__menu-icon::before, .shell__menu-icon::after { content: ''; position: absolute; inset-inline-start: 0; }
.shell__menu-icon::before { inset-block-start: -6px; }
.shell__menu-icon::after { inset-block-start: 6px; }
.shell__header .hg-button--secondary { background: transparent; color: #fff; border-color: rgba(255, 255, 255, 0.6); }
.shell__header .hg-button--secondary:hover { background: rgba(255, 255, 255, 0.12); }
.shell__body { display: grid; grid-template-columns: 15rem minmax(0, 1fr); }
.shell__nav { background: var(--hg-surface); border-inline-end: 1px solid var(--hg-border); padding-block: 1rem; }
.shell__nav h2 { font-size: 0.8rem; color: var(--hg-muted); margin-block: 0 0.5rem; padding-inline: 1.25rem; font-weight: 600; }
.shell__nav ul { list-style: none; margin: 0; padding: 0; }
.shell__nav a { display: block; padding-block: 0.5rem; padding-inline: 1.25rem; color: var(--hg-text); text-decoration: none; border-inline-start: 3px solid transparent; }
.shell__nav a:hover { background: var(--hg-primary-soft); }
.shell__nav a.active { border-inline-start-color: var(--hg-primary); background: var(--hg-primary-soft); color: var(--hg-primary-strong); font-weight: 600; }
.shell__main { min-inline-size: 0; }
/* A module's fallback card stands where its page would be, so give it the page's margins. */
.shell__main > .hg-card { margin-block: 1.5rem; margin-inline: 1.5rem; max-inline-size: 72rem; }
/* Phones and narrow tablets: the navigation folds behind the menu button and opens as a panel under the header. */
@media (max-width: 48rem) {
  .shell__header { padding-inline: 0.75rem; gap: 0.4rem 0.5rem; }
  .shell__header .hg-button { padding-inline: 0.6rem; }
  .shell__menu-button { display: inline-flex; }
  .shell__brand { font-size: 1.1rem; }
  .shell__user { flex-basis: 100%; order: 10; font-size: 0.85rem; }
  .shell__body { grid-template-columns: minmax(0, 1fr); }
  .shell__nav { border-inline-end: none; border-block-end: 1px solid var(--hg-border); padding-block: 0.5rem; }
  .shell__nav:not([data-open]) { display: none; }
  .shell__nav h2 { display: none; }
  .shell__nav a { padding-block: 0.7rem; }
  .shell__main > .hg-card { margin-inline: 0.75rem; }
}
/* Small phones: the menu button keeps its icon and its name for screen readers, so the header stays one row. */
@media (max-width: 30rem) {
  .shell__menu-label { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .shell__menu-button { padding-inline: 0.6rem; min-inline-size: 2.5rem; justify-content: center; }
}
`;

export function ShellStyles() {
  return (
    <style href="hamgam-shell" precedence="default">
      {css}
    </style>
  );
}
