import { describe, expect, it } from 'vitest';
import { renderWithKit } from './testing';

describe('kit styles on a phone', () => {
  it('make fields full-width, rows wrap and long words break under 40rem', () => {
    renderWithKit(<p>page</p>);
    const css = document.querySelector('style[data-href="hamgam-ui-kit"]')?.textContent ?? '';
    const phone = css.slice(css.indexOf('@media (max-width: 40rem)'));
    expect(phone).toMatch(
      /\.hg-input:not\(\[type='checkbox'\], \[type='radio'\]\) \{ inline-size: 100%; max-inline-size: 100%; box-sizing: border-box;/,
    );
    expect(css).toContain(".hg-field > input:is([type='checkbox'], [type='radio']) { justify-self: start;");
    expect(phone).toContain('.hg-form__row > *, .hg-list-controls > * { flex: 1 1 100%; min-inline-size: 0; }');
    expect(phone).toMatch(/\.hg-page, \.hg-card, \.hg-form, \.hg-field \{ min-inline-size: 0; overflow-wrap: anywhere; \}/);
    expect(css).toMatch(/\.hg-page__header \{ display: flex; flex-wrap: wrap;/);
    expect(phone).toContain('.hg-badge { white-space: normal; max-inline-size: 100%; }');
  });

  it('never let one wide child widen the page column (and with it every card and tab row beside it)', () => {
    renderWithKit(<p>page</p>);
    const css = document.querySelector('style[data-href="hamgam-ui-kit"]')?.textContent ?? '';
    expect(css).toContain('.hg-page__body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }');
    expect(css).toContain('.hg-table-wrap { max-inline-size: 100%; overflow-x: auto; }');
  });
});
