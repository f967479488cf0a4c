import { Badge, Card, useI18n } from '@hamgam/ui-kit';
import type { Meeting } from './api';
import { statusTone, useLabels } from './labels';

/** The resolutions passed, each action item with where its commitment stands. */
export function MeetingResolutions({ meeting }: { meeting: Meeting }) {
  const { t, formatDate } = useI18n();
  const labels = useLabels();
  return (
    <Card title={t('coordination.meeting.resolutionsTitle')} testId="meeting-resolutions">
      {meeting.resolutions.length === 0 ? (
        <p className="hg-empty">{t('coordination.meeting.noResolutions')}</p>
      ) : (
        meeting.resolutions.map((r) => (
          <section key={r.id} data-testid={`resolution-${r.id}`}>
            <p>{r.text}</p>
            <ul>
              {r.actionItems.map((item) => (
                <li
                  key={item.id}
                  data-testid={`action-item-${item.id}`}
                  data-agency={item.agency}
                  data-answers={item.answers ?? ''}
                  data-status={item.progress?.status ?? ''}
                >
                  {labels.agency(item.agency)}: {item.title} — {labels.category(item.answers)} —{' '}
                  {t('coordination.programme.due', { date: formatDate(item.dueOn) })}{' '}
                  {item.progress && <Badge tone={statusTone[item.progress.status]}>{labels.status(item.progress.status)}</Badge>}{' '}
                  {item.progress?.overdue && <Badge tone="danger">{t('coordination.overdue')}</Badge>}
                  {item.progress?.evidence && (
                    <div className="hg-empty">
                      {t('coordination.commitments.evidence')}: {item.progress.evidence}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </Card>
  );
}
