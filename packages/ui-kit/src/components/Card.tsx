import type { ReactNode } from 'react';

export interface CardProps {
  title?: ReactNode;
  actions?: ReactNode;
  tone?: 'default' | 'error';
  testId?: string;
  role?: string;
  children?: ReactNode;
}

export function Card({ title, actions, tone = 'default', testId, role, children }: CardProps) {
  return (
    <section className={tone === 'error' ? 'hg-card hg-card--error' : 'hg-card'} data-testid={testId} role={role}>
      {(title || actions) && (
        <header className="hg-card__header">
          {title && <h2 className="hg-card__title">{title}</h2>}
          {actions}
        </header>
      )}
      {children}
    </section>
  );
}
