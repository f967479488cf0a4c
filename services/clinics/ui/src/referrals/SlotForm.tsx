import { localIso } from '@hamgam/contracts/days';
import { Button, Card, DateInput, ErrorCard, Form, NumberInput, Select, TimeInput, useApiMutation, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useReferralsApi, type SlotKind } from './api';

const kinds: SlotKind[] = ['tvto-counselling', 'guild-meeting', 'joint-meeting'];
/** Saturday first, as the Iranian week runs (JS weekday numbers: 6 = Saturday … 5 = Friday). */
const weekdays = [6, 0, 1, 2, 3, 4, 5];

/** What the form holds: the inputs' text (digits, a day, a time) until it is sent. */
interface SlotFields {
  kind: SlotKind;
  weekday: string;
  day: string;
  startTime: string;
  duration: string;
  capacity: string;
  weeks: string;
}

/**
 * Adds to a clinic's calendar: the TVTO counsellor's weekly day (dated slots for some weeks), or one
 * guild or joint meeting. Times are the clinic's wall-clock times (Iran time, `@hamgam/contracts/days`).
 */
export function SlotForm({ clinicId, onAdded }: { clinicId: string; onAdded: () => void }) {
  const api = useReferralsApi();
  const { t, formatDate } = useI18n();
  const [added, setAdded] = useState<number>();
  const { control, register, handleSubmit, formState } = useForm<SlotFields>({
    defaultValues: { kind: 'tvto-counselling', weekday: '6', day: '', startTime: '09:00', duration: '240', capacity: '5', weeks: '4' },
  });
  const weekly = useWatch({ control, name: 'kind' }) === 'tvto-counselling';
  const { errors } = formState;
  // The day and time fields hand on '' until their text reads as a day and a time; a number must be above 0.
  const filledIn = (value: string) => Boolean(value) || t('calendar.form.invalid');
  const positive = (value: string) => Number(value) > 0 || t('calendar.form.invalid');

  const adding = useApiMutation(
    async (v: SlotFields): Promise<number> => {
      const common = { clinicId, kind: v.kind, durationMinutes: Number(v.duration), capacity: Number(v.capacity) };
      if (v.kind === 'tvto-counselling')
        return (await api.addWeekly({ ...common, weekday: Number(v.weekday), startTime: v.startTime, weeks: Number(v.weeks) || 1 })).length;
      await api.addSlot({ ...common, startsAt: localIso(v.day, v.startTime) });
      return 1;
    },
    {
      invalidates: [['clinics', 'slots', clinicId]],
      onSuccess: (count) => {
        setAdded(count);
        onAdded();
      },
    },
  );
  const submit = () => {
    setAdded(undefined);
    void handleSubmit((v) => void adding.run(v))();
  };

  return (
    <Card title={t('calendar.form.title')} testId="slot-form">
      {adding.error && <ErrorCard error={adding.error} />}
      {added !== undefined && (
        <p role="status" data-testid="slot-form-added">
          {t('calendar.form.added', { count: added })}
        </p>
      )}
      <Form onSubmit={submit} testId="slot-form-form">
        <div className="hg-form__row">
          <Select
            label={t('calendar.form.kind')}
            data-testid="slot-kind"
            options={kinds.map((k) => ({ value: k, label: t(`calendar.kind.${k}`) }))}
            {...register('kind')}
          />
          {weekly ? (
            <>
              <Select
                label={t('calendar.form.weekday')}
                data-testid="slot-weekday"
                options={weekdays.map((d) => ({ value: String(d), label: formatDate(Date.UTC(2026, 2, 22 + d, 12), { weekday: 'long' }) }))}
                {...register('weekday')}
              />
              <Controller
                control={control}
                name="weeks"
                render={({ field }) => (
                  <NumberInput
                    label={t('calendar.form.weeks')}
                    data-testid="slot-weeks"
                    value={field.value}
                    onValueChange={field.onChange}
                  />
                )}
              />
            </>
          ) : (
            <Controller
              control={control}
              name="day"
              rules={{ validate: filledIn }}
              shouldUnregister
              render={({ field }) => (
                <DateInput
                  label={t('calendar.form.day')}
                  data-testid="slot-day"
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.day?.message}
                />
              )}
            />
          )}
          <Controller
            control={control}
            name="startTime"
            rules={{ validate: filledIn }}
            render={({ field }) => (
              <TimeInput
                label={t('calendar.form.startTime')}
                data-testid="slot-start"
                value={field.value}
                onChange={field.onChange}
                error={errors.startTime?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="duration"
            rules={{ validate: positive }}
            render={({ field }) => (
              <NumberInput
                label={t('calendar.form.duration')}
                data-testid="slot-duration"
                value={field.value}
                onValueChange={field.onChange}
                error={errors.duration?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="capacity"
            rules={{ validate: positive }}
            render={({ field }) => (
              <NumberInput
                label={t('calendar.form.capacity')}
                data-testid="slot-capacity"
                value={field.value}
                onValueChange={field.onChange}
                error={errors.capacity?.message}
              />
            )}
          />
        </div>
        <Button type="submit" busy={adding.busy} data-testid="slot-submit">
          {t('calendar.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
