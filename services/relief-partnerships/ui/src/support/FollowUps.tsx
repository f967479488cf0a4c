import { today } from '@hamgam/contracts/days';
import { Badge, Button, Card, DateInput, Form, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useReliefApi, type SupportRequestPage } from '../api';
import { Textarea, useRoles } from '../common';
import { useStep } from './useStep';

/** Visits to the business after the support reached it; officers record one. */
export function FollowUps({ request, onChange }: { request: SupportRequestPage; onChange: (p: SupportRequestPage) => void }) {
  const api = useReliefApi();
  const { t, formatDate } = useI18n();
  const roles = useRoles();
  const step = useStep(onChange);
  const [visitedOn, setVisitedOn] = useState(today());
  const [operating, setOperating] = useState(true);
  const [note, setNote] = useState('');
  return (
    <Card title={t('relief.page.followUps')} testId="support-follow-ups">
      <ul>
        {request.followUps.map((f) => (
          <li key={f.followUpId}>
            {formatDate(f.visitedOn)} ·{' '}
            <Badge tone={f.operating ? 'success' : 'warning'}>{t(f.operating ? 'relief.page.operating' : 'relief.page.stopped')}</Badge>{' '}
            {f.note}
          </li>
        ))}
      </ul>
      {roles.relief && (
        <Form
          onSubmit={() => void step.run(() => api.followUp(request.requestId, visitedOn, operating, note.trim()))}
          error={step.error}
          testId="support-follow-up-form"
        >
          <div className="hg-form__row">
            <DateInput label={t('relief.page.visitedOn')} value={visitedOn} onChange={setVisitedOn} data-testid="support-follow-up-date" />
            <label>
              <input
                type="checkbox"
                checked={operating}
                onChange={(e) => setOperating(e.target.checked)}
                data-testid="support-follow-up-operating"
              />{' '}
              {t('relief.page.operating')}
            </label>
          </div>
          <Textarea label={t('relief.page.note')} value={note} onChange={setNote} testId="support-follow-up-note" rows={2} />
          <div>
            <Button type="submit" busy={step.busy} data-testid="support-follow-up">
              {t('relief.page.addFollowUp')}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}
