import { Button, ErrorCard, TextInput, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useTvtoApi, type Demand, type Session } from './api';
import { useTvtoAction } from './problems';

interface RecordDraft {
  notes: string;
  /** The trades of the demand list the resident was guided towards. */
  guidance: string[];
}

/** A booked session recorded: held (with notes and the trades advised), or a no-show. */
export function RecordSession({ session, demand, onDone }: { session: Session; demand: Demand[]; onDone: () => void }) {
  const api = useTvtoApi();
  const { t, localize } = useI18n();
  const form = useForm<RecordDraft>({ defaultValues: { notes: '', guidance: [] } });
  const action = useTvtoAction(onDone);
  const { errors } = form.formState;
  const id = session.sessionId;
  const held = form.handleSubmit((draft) =>
    action.run(() => api.record(id, { state: 'held', notes: draft.notes.trim(), guidance: draft.guidance })),
  );
  if (session.state !== 'booked') return null;
  return (
    <div data-testid={`vt-record-${id}`}>
      {action.error !== undefined && <ErrorCard error={action.error} />}
      <TextInput
        label={t('vt.note')}
        data-testid={`vt-record-notes-${id}`}
        {...form.register('notes', { validate: (v) => v.trim().length > 0 || t('vt.required') })}
        error={errors.notes?.message}
      />
      <Controller
        control={form.control}
        name="guidance"
        render={({ field }) => (
          <fieldset>
            <legend>{t('vt.counselling.guidance')}</legend>
            {demand.map((d) => (
              <label key={d.trade} className="hg-check">
                <input
                  type="checkbox"
                  checked={field.value.includes(d.trade)}
                  data-testid={`vt-record-guidance-${d.trade}-${id}`}
                  onChange={(e) => field.onChange(e.target.checked ? [...field.value, d.trade] : field.value.filter((g) => g !== d.trade))}
                />{' '}
                {localize(d.label)}
              </label>
            ))}
          </fieldset>
        )}
      />
      <div className="hg-form__row">
        <Button busy={action.busy} data-testid={`vt-record-held-${id}`} onClick={() => void held()}>
          {t('vt.counselling.recordHeld')}
        </Button>
        <Button
          variant="secondary"
          busy={action.busy}
          data-testid={`vt-record-no-show-${id}`}
          onClick={() => void action.run(() => api.record(id, { state: 'no-show' }))}
        >
          {t('vt.counselling.noShow')}
        </Button>
      </div>
    </div>
  );
}
