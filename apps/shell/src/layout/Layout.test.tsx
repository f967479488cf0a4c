import { fireEvent, screen } from '@testing-library/react';
import { fakeAuth, renderWithKit } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import '../messages';
import { testModules } from '../testModules';
import { Layout } from './Layout';

function renderLayout() {
  return renderWithKit(
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route element={<Layout modules={testModules} />}>
          <Route index element={<p>home</p>} />
          <Route path="/clinics/*" element={<p data-testid="clinics-page">clinics</p>} />
        </Route>
      </Routes>
    </MemoryRouter>,
    { auth: fakeAuth({ roles: ['coordinator'] }) },
  );
}

const menuButton = () => screen.getByTestId('menu-button');
const nav = () => screen.getByTestId('side-menu');

describe('Layout on phones', () => {
  it('folds the navigation behind a menu button that says whether it is open', () => {
    renderLayout();
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(menuButton().getAttribute('aria-controls')).toBe(nav().id);
    expect(nav().hasAttribute('data-open')).toBe(false);
    fireEvent.click(menuButton());
    expect(menuButton().getAttribute('aria-expanded')).toBe('true');
    expect(nav().hasAttribute('data-open')).toBe(true);
  });

  it('closes the menu once a module is chosen, and on Escape with the focus back on its button', () => {
    renderLayout();
    fireEvent.click(menuButton());
    fireEvent.click(screen.getByTestId('nav-clinics'));
    expect(screen.getByTestId('clinics-page')).toBeTruthy();
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(menuButton());
    fireEvent.keyDown(screen.getByTestId('nav-home'), { key: 'Escape' });
    expect(nav().hasAttribute('data-open')).toBe(false);
    expect(document.activeElement).toBe(menuButton());
  });

  it('hides the closed menu and shows the button only under 48rem', () => {
    renderLayout();
    const css = document.querySelector('style[data-href="hamgam-shell"]')?.textContent ?? '';
    const phone = css.slice(css.indexOf('@media (max-width: 48rem)'));
    expect(phone).toContain('.shell__nav:not([data-open]) { display: none; }');
    expect(phone).toContain('.shell__menu-button { display: inline-flex; }');
    expect(css).toMatch(/^\.shell__menu-button \{ display: none;/m);
  });
});
