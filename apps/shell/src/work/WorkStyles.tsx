// The home's work cards and the header's bell; the frame's own layout is in layout/ShellStyles.
const css = `
.shell-work { margin-block-end: 1.5rem; }
.shell-work__title { font-size: 1.1rem; margin-block: 0 0.75rem; }
.shell-work__cards { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr)); }
.shell-work__card { display: grid; gap: 0.25rem; padding: 0.9rem 1rem; border: 1px solid var(--hg-border); border-radius: 10px; background: var(--hg-surface); color: var(--hg-text); text-decoration: none; block-size: 100%; box-sizing: border-box; }
.shell-work__card:hover, .shell-work__card:focus-visible { border-color: var(--hg-primary); background: var(--hg-primary-soft); }
.shell-work__count { font-size: 1.75rem; font-weight: 700; color: var(--hg-primary-strong); line-height: 1.1; }
.shell-work__kind { font-weight: 600; overflow-wrap: anywhere; }
.shell-work__service { font-size: 0.85rem; color: var(--hg-muted); }
.shell-work__nothing { margin: 0; padding: 0.9rem 1rem; border: 1px dashed var(--hg-border); border-radius: 10px; color: var(--hg-muted); }
.shell-work__failed { color: var(--hg-danger); display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.shell-bell { position: relative; }
.shell-bell__button { position: relative; display: inline-flex; align-items: center; justify-content: center; min-inline-size: 2.5rem; min-block-size: 2.5rem; border: 1px solid rgba(255, 255, 255, 0.6); border-radius: 8px; background: transparent; color: #fff; cursor: pointer; }
.shell-bell__button:focus-visible { outline: 2px solid #fff; outline-offset: 2px; }
.shell-bell__badge { position: absolute; inset-block-start: -0.4rem; inset-inline-end: -0.4rem; min-inline-size: 1.25rem; padding-inline: 0.3rem; border-radius: 999px; background: var(--hg-danger); color: #fff; font-size: 0.75rem; font-weight: 700; line-height: 1.25rem; text-align: center; box-sizing: border-box; }
.shell-bell__panel { position: absolute; z-index: 20; inset-block-start: calc(100% + 0.4rem); inset-inline-end: 0; inline-size: min(22rem, calc(100vw - 1.5rem)); max-block-size: 70vh; overflow-y: auto; padding: 0.75rem; border: 1px solid var(--hg-border); border-radius: 10px; background: var(--hg-surface); color: var(--hg-text); box-shadow: 0 8px 24px rgba(0, 0, 0, 0.18); box-sizing: border-box; }
.shell-bell__panel h2 { font-size: 1rem; margin-block: 0 0.5rem; }
.shell-bell__list { list-style: none; margin: 0 0 0.75rem; padding: 0; display: grid; gap: 0.25rem; }
.shell-bell__item { display: flex; align-items: center; gap: 0.5rem; padding: 0.5rem; border-radius: 8px; color: var(--hg-text); text-decoration: none; }
.shell-bell__item:hover, .shell-bell__item:focus-visible { background: var(--hg-primary-soft); }
.shell-bell__item-text { flex: 1; min-inline-size: 0; display: grid; }
.shell-bell__item-service { font-size: 0.8rem; color: var(--hg-muted); }
.shell-bell__item-count { min-inline-size: 3.25rem; font-weight: 700; text-align: center; white-space: nowrap; }
.shell-bell__seen { font-size: 0.8rem; color: var(--hg-muted); margin-block: 0 0.5rem; }
.shell-bell__actions { display: flex; flex-wrap: wrap; gap: 0.5rem; justify-content: flex-end; }
.shell__header .shell-bell__panel .hg-button--secondary { color: var(--hg-text); border-color: var(--hg-border); }
/* Phones: one line per card, the count beside its words, so a day's work fits the first screen. */
@media (max-width: 40rem) {
  .shell-work__cards { gap: 0.5rem; }
  .shell-work__card { grid-template-columns: auto minmax(0, 1fr); column-gap: 0.75rem; row-gap: 0; align-items: center; padding: 0.6rem 0.8rem; }
  .shell-work__count { grid-row: span 2; min-inline-size: 2.5rem; font-size: 1.5rem; text-align: center; white-space: nowrap; }
}
/* Phones: the list opens under the header across the screen, whatever the bell's place in the wrapped header. */
@media (max-width: 48rem) {
  .shell-bell__panel { position: fixed; inset-block-start: 3.75rem; inset-inline: 0.75rem; inline-size: auto; }
}
`;

export function WorkStyles() {
  return (
    <style href="hamgam-shell-work" precedence="default">
      {css}
    </style>
  );
}
