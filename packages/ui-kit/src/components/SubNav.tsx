import { NavLink } from 'react-router-dom';

export interface SubNavItem {
  /** Absolute path (the module's basePath + its sub-route). */
  to: string;
  label: string;
  testId?: string;
  /** Match only this exact path (the module's first tab). */
  end?: boolean;
}

/** A module's own sections (tabs) under its route subtree, as links so each section has a URL. */
export function SubNav({ items, label }: { items: readonly SubNavItem[]; label: string }) {
  return (
    <nav className="hg-subnav" aria-label={label}>
      {items.map((item) => (
        <NavLink
          key={item.to}
          to={item.to}
          end={item.end}
          data-testid={item.testId}
          className={({ isActive }) => (isActive ? 'hg-subnav__link hg-subnav__link--active' : 'hg-subnav__link')}
        >
          {item.label}
        </NavLink>
      ))}
    </nav>
  );
}
