import { useId, type ReactNode } from 'react';

export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const titleId = useId();
  return (
    <section className="hg-page" aria-labelledby={titleId}>
      <header className="hg-page__header">
        <h1 className="hg-page__title" id={titleId}>
          {title}
        </h1>
        {actions}
      </header>
      <div className="hg-page__body">{children}</div>
    </section>
  );
}
