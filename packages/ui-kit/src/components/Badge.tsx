import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A short status word (e.g. a referral's state, "overdue"); the tone carries meaning, the text says it. */
export function Badge({ tone = 'neutral', testId, children }: { tone?: BadgeTone; testId?: string; children: ReactNode }) {
  return (
    <span className={`hg-badge hg-badge--${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}
