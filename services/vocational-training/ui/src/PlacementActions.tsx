import { Button, ErrorCard, NumberInput, TextInput, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useTvtoApi, type Placement } from './api';
import { useTvtoAction } from './problems';

interface CheckDraft {
  rating: string;
  note: string;
}

/** An active placement's monthly check (a rating 1–5 and a note), or its end: completed or withdrawn. */
export function PlacementActions({ placement, onDone }: { placement: Placement; onDone: () => void }) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const form = useForm<CheckDraft>({ defaultValues: { rating: '4', note: '' } });
  const action = useTvtoAction(onDone);
  const { errors } = form.formState;
  const id = placement.placementId;
  const check = form.handleSubmit((draft) => action.run(() => api.progress(id, Number(draft.rating), draft.note.trim())));
  if (placement.state !== 'active') return null;
  return (
    <div>
      {action.error !== undefined && <ErrorCard error={action.error} testId={`vt-placement-error-${id}`} />}
      <div className="hg-form__row">
        <Controller
          control={form.control}
          name="rating"
          rules={{ validate: (v) => (Number(v) >= 1 && Number(v) <= 5) || t('vt.problem.rating-out-of-range') }}
          render={({ field }) => (
            <NumberInput
              label={t('vt.apprenticeships.rating')}
              value={field.value}
              data-testid={`vt-progress-rating-${id}`}
              onValueChange={field.onChange}
              error={errors.rating?.message}
            />
          )}
        />
        <TextInput
          label={t('vt.note')}
          data-testid={`vt-progress-note-${id}`}
          {...form.register('note', { validate: (v) => v.trim().length > 0 || t('vt.required') })}
          error={errors.note?.message}
        />
        <Button busy={action.busy} data-testid={`vt-progress-save-${id}`} onClick={() => void check()}>
          {t('vt.apprenticeships.checkProgress')}
        </Button>
      </div>
      <div className="hg-form__row">
        <Button
          variant="secondary"
          busy={action.busy}
          data-testid={`vt-finish-completed-${id}`}
          onClick={() => void action.run(() => api.finish(id, 'completed'))}
        >
          {t('vt.apprenticeships.complete')}
        </Button>
        <Button
          variant="secondary"
          busy={action.busy}
          data-testid={`vt-finish-withdrawn-${id}`}
          onClick={() => void action.run(() => api.finish(id, 'withdrawn'))}
        >
          {t('vt.apprenticeships.withdraw')}
        </Button>
      </div>
    </div>
  );
}
