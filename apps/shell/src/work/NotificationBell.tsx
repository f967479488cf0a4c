import { Button, useAuth, useI18n } from '@hamgam/ui-kit';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { RemoteModuleConfig } from '../config';
import '../messages';
import { newSince, useSeenMarks } from './seen';
import { useMyWork } from './useMyWork';
import { useWorkText } from './useWorkText';
import { waiting } from './work';
import { WorkStyles } from './WorkStyles';

/**
 * The header's bell: how many new things wait for the user — new referrals, assignments, overdue items: what
 * each service says arrived or fell due since the user last marked them seen (`GET /work?since=`; for a kind
 * it cannot date, the rise in its count; see seen.ts). Opening it lists what waits, each a link to its module
 * page, the new ones marked; "mark as seen" clears the count.
 */
export function NotificationBell({ modules }: { modules: readonly RemoteModuleConfig[] }) {
  const { t, formatDateTime } = useI18n();
  const auth = useAuth();
  const text = useWorkText();
  const [marks, setMarks] = useSeenMarks(auth.user.id);
  const work = useMyWork(modules, marks?.at ?? null);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  const entries = waiting(work.data ?? []).map((entry) => ({ ...entry, isNew: newSince(marks, entry) }));
  const freshTotal = entries.reduce((sum, entry) => sum + entry.isNew, 0);

  // Escape or a click elsewhere closes the list, as with any menu.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    const onClick = (event: MouseEvent) => root.current?.contains(event.target as Node) || setOpen(false);
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  if (modules.length === 0) return null;

  const markSeen = () => {
    // Every count as it stands now, including those at zero, so an item that comes back counts as new.
    const counts = Object.fromEntries((work.data ?? []).flatMap((a) => a.items.map((i) => [`${a.service}:${i.kind}`, i.count])));
    // Seen up to the answer on screen, not the click: what arrived after it was never shown, so it stays new.
    setMarks({ at: new Date(work.dataUpdatedAt || Date.now()).toISOString(), counts });
  };

  const label = freshTotal > 0 ? t('shell.bell.labelWithCount', { count: freshTotal }) : t('shell.bell.label');
  return (
    <div className="shell-bell" ref={root}>
      <WorkStyles />
      <button
        type="button"
        className="shell-bell__button"
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="bell"
        onClick={() => setOpen((was) => !was)}
      >
        <BellIcon />
        {freshTotal > 0 && (
          <span className="shell-bell__badge" data-testid="bell-count" aria-hidden="true">
            {text.count(freshTotal)}
          </span>
        )}
      </button>
      {open && (
        <div className="shell-bell__panel" id={panelId} role="region" aria-label={t('shell.bell.label')} data-testid="bell-panel">
          <h2>{t('shell.bell.label')}</h2>
          {entries.length > 0 ? (
            <ul className="shell-bell__list">
              {entries.map((entry) => (
                <li key={entry.key}>
                  <Link
                    to={entry.href}
                    className="shell-bell__item"
                    data-testid={`bell-item-${entry.key.replace(':', '-')}`}
                    onClick={() => setOpen(false)}
                  >
                    <span className="shell-bell__item-count">{text.count(entry.count)}</span>
                    <span className="shell-bell__item-text">
                      <span>{text.kind(entry)}</span>
                      <span className="shell-bell__item-service">{text.service(entry)}</span>
                    </span>
                    {entry.isNew > 0 && (
                      <span className="hg-badge hg-badge--info" data-testid={`bell-new-${entry.key.replace(':', '-')}`}>
                        {t('shell.bell.new', { count: entry.isNew })}
                      </span>
                    )}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p data-testid="bell-empty">{t('shell.work.nothing')}</p>
          )}
          {marks && (
            <p className="shell-bell__seen" data-testid="bell-seen-at">
              {t('shell.bell.seenAt', { at: formatDateTime(marks.at) })}
            </p>
          )}
          <div className="shell-bell__actions">
            <Button variant="secondary" data-testid="bell-mark-seen" disabled={freshTotal === 0} onClick={markSeen}>
              {t('shell.bell.markSeen')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
