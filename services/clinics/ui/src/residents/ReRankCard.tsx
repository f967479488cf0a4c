import { today } from '@hamgam/contracts/days';
import { Button, Card, DateInput, Form, TextInput, useApiMutation, useFieldProblem, useI18n, type LocalizedText } from '@hamgam/ui-kit';
import { useState } from 'react';
import type { RankedPriority } from '../api';
import { useResidentsApi } from './api';
import '../messages';

interface Props {
  neighbourhoodId: string;
  draft: RankedPriority[];
  categoryLabels: ReadonlyMap<string, LocalizedText>;
  onSaved: () => void;
  onCancel: () => void;
}

/** Re-ranking without drag and drop: up/down buttons, the reason and the day of the meeting that agreed it. */
export function ReRankCard({ neighbourhoodId, draft, categoryLabels, onSaved, onCancel }: Props) {
  const api = useResidentsApi();
  const { t, localize, formatNumber } = useI18n();
  const [order, setOrder] = useState(() => draft.map((p) => p.category));
  const [reason, setReason] = useState('');
  const [meetingDate, setMeetingDate] = useState(() => today());
  const [errors, setErrors] = useState<{ reason?: string; meetingDate?: string }>({});
  const problems = useFieldProblem('clinics');
  const saving = useApiMutation(() => api.setAgreedOrder(neighbourhoodId, { order, reason: reason.trim(), meetingDate }), {
    invalidates: [['clinics', 'priorities', neighbourhoodId]],
    onSuccess: onSaved,
  });
  const apiError = saving.error;
  const busy = saving.busy;

  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    setOrder(next);
  };

  function save() {
    const found = {
      reason: reason.trim().length >= 3 ? undefined : t('rerank.reasonRequired'),
      // The field hands on '' until its text reads as a day no later than today.
      meetingDate: meetingDate ? undefined : t('rerank.meetingDateInvalid'),
    };
    setErrors(found);
    if (found.reason || found.meetingDate) return;
    void saving.run();
  }

  const label = (category: string) => {
    const text = categoryLabels.get(category);
    return text ? localize(text) : category;
  };

  return (
    <Card title={t('rerank.title')} testId="rerank-dialog" role="dialog">
      <Form onSubmit={save} error={problems.rest(apiError, ['reason', 'meetingDate']) ?? undefined} testId="rerank-form">
        <ol className="hg-form" data-testid="rerank-order">
          {order.map((category, index) => (
            <li key={category} className="hg-form__row" data-testid={`rerank-item-${category}`} data-position={index + 1}>
              <span>
                {formatNumber(index + 1)}. {label(category)}
              </span>
              <Button
                variant="secondary"
                disabled={index === 0}
                onClick={() => move(index, -1)}
                data-testid={`rerank-up-${category}`}
                aria-label={`${t('rerank.up')}: ${label(category)}`}
              >
                ↑ {t('rerank.up')}
              </Button>
              <Button
                variant="secondary"
                disabled={index === order.length - 1}
                onClick={() => move(index, 1)}
                data-testid={`rerank-down-${category}`}
                aria-label={`${t('rerank.down')}: ${label(category)}`}
              >
                ↓ {t('rerank.down')}
              </Button>
            </li>
          ))}
        </ol>
        <div className="hg-form__row">
          <TextInput
            label={t('rerank.reason')}
            data-testid="rerank-reason"
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
            error={errors.reason ?? problems.of(apiError, 'reason')}
          />
          <DateInput
            label={t('rerank.meetingDate')}
            data-testid="rerank-date"
            value={meetingDate}
            max={today()}
            onChange={setMeetingDate}
            error={errors.meetingDate ?? problems.of(apiError, 'meetingDate')}
          />
        </div>
        <div className="hg-form__row">
          <Button type="submit" busy={busy} data-testid="rerank-save">
            {t('rerank.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel} data-testid="rerank-cancel">
            {t('rerank.cancel')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
