import { Button, useAuth, useI18n } from '@hamgam/ui-kit';
import { useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { AUDIT_PATH, AUDIT_ROLES } from '../audit/route';
import '../messages';
import type { RemoteModuleConfig } from '../config';
import { ShellStyles } from './ShellStyles';
import { NotificationBell } from '../work/NotificationBell';

export function Layout({ modules }: { modules: readonly RemoteModuleConfig[] }) {
  const auth = useAuth();
  const { t, locale, setLocale, localize } = useI18n();
  // Phones: the navigation folds behind a menu button (styles under 48rem); wider screens always show it.
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const closeOnLink = (event: MouseEvent<HTMLElement>) => {
    if (event.target instanceof Element && event.target.closest('a')) setMenuOpen(false);
  };
  const closeOnEscape = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  };
  return (
    <div className="shell">
      <ShellStyles />
      <header className="shell__header">
        <button
          ref={menuButton}
          type="button"
          className="shell__menu-button"
          aria-expanded={menuOpen}
          aria-controls={navId}
          onClick={() => setMenuOpen((open) => !open)}
          data-testid="menu-button"
        >
          <span className="shell__menu-icon" aria-hidden="true" />
          <span className="shell__menu-label">{t('shell.menu')}</span>
        </button>
        <Link to="/" className="shell__brand" data-testid="app-name">
          {t('shell.appName')}
        </Link>
        <NotificationBell modules={modules} />
        <span className="shell__user" data-testid="user-display-name">
          {auth.user.displayName}
        </span>
        <Button
          variant="secondary"
          data-testid="locale-switch"
          lang={locale === 'fa' ? 'en' : 'fa'}
          onClick={() => setLocale(locale === 'fa' ? 'en' : 'fa')}
        >
          {t('shell.switchLocale')}
        </Button>
        <Button variant="secondary" data-testid="logout" onClick={() => auth.logout()}>
          {t('shell.logout')}
        </Button>
      </header>
      <div className="shell__body">
        <nav
          id={navId}
          className="shell__nav"
          aria-label={t('shell.menu')}
          data-open={menuOpen || undefined}
          onClick={closeOnLink}
          onKeyDown={closeOnEscape}
          data-testid="side-menu"
        >
          <h2>{t('shell.menu')}</h2>
          <ul>
            <li>
              <NavLink to="/" end data-testid="nav-home">
                {t('shell.menu.home')}
              </NavLink>
            </li>
            {modules.map((module) => (
              <li key={module.name}>
                <NavLink to={module.path} data-testid={`nav-${module.name}`}>
                  {localize(module.label)}
                </NavLink>
              </li>
            ))}
            {auth.hasRole(...AUDIT_ROLES) && (
              <li>
                <NavLink to={AUDIT_PATH} data-testid="nav-audit">
                  {t('audit.menu')}
                </NavLink>
              </li>
            )}
          </ul>
        </nav>
        <main className="shell__main">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
