import { today } from '@hamgam/contracts/days';
import { Button, Card, DateInput, Form, TextInput, useApiMutation, useFieldProblem, useI18n, type LocalizedText } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
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

interface AgreedFields {
  reason: string;
  /** A Tehran day (YYYY-MM-DD), '' while the text is not one. */
  meetingDate: string;
}

/** Re-ranking without drag and drop: up/down buttons, the reason and the day of the meeting that agreed it. */
export function ReRankCard({ neighbourhoodId, draft, categoryLabels, onSaved, onCancel }: Props) {
  const api = useResidentsApi();
  const { t, localize, formatNumber } = useI18n();
  const [order, setOrder] = useState(() => draft.map((p) => p.category));
  const { control, register, handleSubmit, formState } = useForm<AgreedFields>({ defaultValues: { reason: '', meetingDate: today() } });
  const { errors } = formState;
  const problems = useFieldProblem('clinics');
  const saving = useApiMutation(
    (v: AgreedFields) => api.setAgreedOrder(neighbourhoodId, { order, reason: v.reason.trim(), meetingDate: v.meetingDate }),
    {
      invalidates: [['clinics', 'priorities', neighbourhoodId]],
      onSuccess: onSaved,
    },
  );
  const apiError = saving.error;
  const busy = saving.busy;

  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    setOrder(next);
  };

  const save = () => void handleSubmit((v) => void saving.run(v))();

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
            maxLength={1000}
            error={errors.reason?.message ?? problems.of(apiError, 'reason')}
            {...register('reason', { validate: (v) => v.trim().length >= 3 || t('rerank.reasonRequired') })}
          />
          <Controller
            control={control}
            name="meetingDate"
            // The field hands on '' until its text reads as a day no later than today.
            rules={{ validate: (v) => Boolean(v) || t('rerank.meetingDateInvalid') }}
            render={({ field }) => (
              <DateInput
                label={t('rerank.meetingDate')}
                data-testid="rerank-date"
                value={field.value}
                max={today()}
                onChange={field.onChange}
                error={errors.meetingDate?.message ?? problems.of(apiError, 'meetingDate')}
              />
            )}
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
