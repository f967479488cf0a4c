import { dayOf, timeOf, today } from '@hamgam/contracts/days';
import { Button, DateInput, Form, TimeInput, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useTvtoApi, type CounsellingSlot, type PickableReferral } from './api';
import { useTvtoAction } from './problems';
import { ClinicPicker, ReferralPicker, type References } from './references';

interface BookingDraft {
  clinicId: string;
  referral: PickableReferral | undefined;
  resident: PickableReferral | undefined;
  day: string;
  time: string;
}

/** A slot's day and time as Kerman sees them. */
function kermanDayTime(instant: string): { day: string; time: string } {
  return { day: dayOf(new Date(instant)), time: timeOf(new Date(instant)) };
}

/** A counselling session booked for a referred resident (or a resident a referral names), at a clinic on a day. */
export function BookForm({
  preset,
  references,
  onDone,
}: {
  preset?: CounsellingSlot | undefined;
  references: References;
  onDone: () => void;
}) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const [places] = references;
  const form = useForm<BookingDraft>({
    defaultValues: {
      clinicId: preset?.clinicId ?? places.clinics[0]?.clinicId ?? '',
      referral: undefined,
      resident: undefined,
      ...(preset ? kermanDayTime(preset.startsAt) : { day: today(7), time: '10:00' }),
    },
  });
  const action = useTvtoAction(onDone);
  const { errors } = form.formState;
  const required = { required: t('vt.required') };

  const submit = form.handleSubmit((f) => {
    const referralId = f.referral?.referralId ?? null;
    const residentRef = referralId ? null : (f.resident?.residentRef ?? null);
    return action.run(() => api.book({ clinicId: f.clinicId, residentRef, referralId, day: f.day, time: f.time }));
  });
  return (
    <details data-testid="vt-book-form-toggle" open={preset !== undefined}>
      <summary>{t('vt.counselling.book')}</summary>
      <Form onSubmit={() => void submit()} error={action.error} testId="vt-book-form">
        <Controller
          control={form.control}
          name="clinicId"
          rules={required}
          render={({ field }) => (
            <ClinicPicker
              label={t('vt.clinic')}
              places={places}
              value={field.value}
              testId="vt-book-clinic"
              error={errors.clinicId?.message}
              onChange={field.onChange}
            />
          )}
        />
        <Controller
          control={form.control}
          name="referral"
          // Who is counselled: a referral, else a resident a referral names.
          rules={{ validate: (referral, f) => Boolean(referral || f.resident) || t('vt.required') }}
          render={({ field }) => (
            <ReferralPicker
              label={t('vt.counselling.referral')}
              testId="vt-book-referral"
              state="accepted"
              value={field.value}
              onChange={field.onChange}
              error={errors.referral?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="resident"
          render={({ field }) => (
            <ReferralPicker label={t('vt.resident')} testId="vt-book-resident" value={field.value} onChange={field.onChange} />
          )}
        />
        <Controller
          control={form.control}
          name="day"
          rules={required}
          render={({ field }) => (
            <DateInput
              label={t('vt.day')}
              value={field.value}
              data-testid="vt-book-day"
              onChange={field.onChange}
              error={errors.day?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="time"
          rules={required}
          render={({ field }) => (
            <TimeInput
              label={t('vt.time')}
              value={field.value}
              data-testid="vt-book-time"
              onChange={field.onChange}
              error={errors.time?.message}
            />
          )}
        />
        <Button type="submit" busy={action.busy} data-testid="vt-book-submit">
          {t('vt.counselling.book')}
        </Button>
      </Form>
    </details>
  );
}
