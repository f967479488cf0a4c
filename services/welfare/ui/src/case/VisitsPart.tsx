import { today } from '@hamgam/contracts/days';
import { Badge, Button, Card, DateInput, Form, TextInput, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useWelfareApi } from '../api';
import { useChange, type PartProps } from './useChange';

/** Home visits, newest first, and the form recording one with the next visit's day. */
export function VisitsPart({ c, setCase }: PartProps) {
  const api = useWelfareApi();
  const { t, formatDate } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const [visitedOn, setVisitedOn] = useState(today());
  const [notes, setNotes] = useState('');
  const [nextVisitOn, setNextVisitOn] = useState(today(30));
  const [missing, setMissing] = useState(false);
  const canVisit = c.state === 'planned' || c.state === 'in-follow-up';

  async function submit() {
    if (!notes.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    if (await run(() => api.visit(c.caseId, { visitedOn, notes: notes.trim(), nextVisitOn: nextVisitOn || null }))) setNotes('');
  }

  return (
    <Card title={t('welfare.visits.title')} testId="welfare-visits">
      {c.visitOverdue && (
        <Badge tone="danger" testId="welfare-visit-overdue">
          {t('welfare.case.visitOverdue')}
        </Badge>
      )}
      {c.visits.length === 0 ? (
        <p className="hg-empty">{canVisit ? t('welfare.visits.empty') : t('welfare.visits.planFirst')}</p>
      ) : (
        <ul>
          {[...c.visits].reverse().map((v) => (
            <li key={v.visitId} data-testid={`welfare-visit-${v.visitId}`}>
              <strong>{formatDate(v.visitedOn)}</strong>: {v.notes}
              {v.nextVisitOn && <small> — {t('welfare.case.nextVisit', { date: formatDate(v.nextVisitOn) })}</small>}
            </li>
          ))}
        </ul>
      )}
      {canVisit && (
        <Form onSubmit={submit} error={error} testId="welfare-visit-form">
          <div className="hg-form__row">
            <DateInput label={t('welfare.visits.date')} data-testid="welfare-visit-date" value={visitedOn} onChange={setVisitedOn} />
            <DateInput label={t('welfare.visits.next')} data-testid="welfare-visit-next" value={nextVisitOn} onChange={setNextVisitOn} />
          </div>
          <TextInput
            label={t('welfare.visits.notes')}
            data-testid="welfare-visit-notes"
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            error={missing ? t('welfare.required') : undefined}
          />
          <Button type="submit" busy={busy} data-testid="welfare-visit-submit">
            {t('welfare.visits.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
