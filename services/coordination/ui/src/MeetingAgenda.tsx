import { Badge, Card, useI18n } from '@hamgam/ui-kit';
import type { Meeting } from './api';
import { statusTone, useLabels } from './labels';

/** The agenda: the neighbourhood's overdue commitments first (frozen once held), then the meeting's own items. */
export function MeetingAgenda({ meeting }: { meeting: Meeting }) {
  const { t, formatDate, formatNumber } = useI18n();
  const labels = useLabels();
  const { overdue, items, frozen } = meeting.agenda;
  return (
    <Card title={t('coordination.meeting.agendaTitle')} testId="meeting-agenda">
      <section
        data-testid="agenda-overdue"
        data-frozen={frozen}
        data-count={overdue.length}
        style={{ borderInlineStart: `4px solid var(${overdue.length > 0 ? '--hg-danger' : '--hg-border'})`, paddingInlineStart: '0.75rem' }}
      >
        <h3 className="hg-card__title">
          {frozen ? t('coordination.meeting.overdueFrozen') : t('coordination.meeting.overdueSection')}{' '}
          {/* The badge counts the very items listed below: red only when there are some. */}
          <Badge tone={overdue.length > 0 ? 'danger' : 'success'} testId="agenda-overdue-count">
            {formatNumber(overdue.length)}
          </Badge>
        </h3>
        {overdue.length === 0 ? (
          <p className="hg-empty">{t('coordination.meeting.noOverdue')}</p>
        ) : (
          <ol>
            {overdue.map((item) => (
              <li key={item.commitmentId} data-testid={`agenda-overdue-item-${item.commitmentId}`}>
                {labels.agency(item.agency)}: {item.title} — {labels.category(item.answers)} —{' '}
                {t('coordination.programme.due', { date: formatDate(item.dueOn) })}{' '}
                <Badge tone={statusTone[item.status]}>{labels.status(item.status)}</Badge>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section>
        <h3 className="hg-card__title">{t('coordination.meeting.ownItems')}</h3>
        {items.length === 0 ? (
          <p className="hg-empty">{t('coordination.meeting.noItems')}</p>
        ) : (
          <ol start={overdue.length + 1}>
            {items.map((item) => (
              <li key={item.id} data-testid={`agenda-item-${item.id}`}>
                {item.text}
              </li>
            ))}
          </ol>
        )}
      </section>
    </Card>
  );
}
