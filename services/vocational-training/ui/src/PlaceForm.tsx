import { Button, Form, Select, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useTvtoApi, type Master, type PickableReferral } from './api';
import { useTvtoAction } from './problems';
import { ReferralPicker, useNames, type References } from './references';

interface PlacementDraft {
  masterId: string;
  referral: PickableReferral | undefined;
  resident: PickableReferral | undefined;
}

/** An apprentice placed with a master: from a referral, else a resident a referral names. */
export function PlaceForm({ masters, references, onDone }: { masters: Master[]; references: References; onDone: () => void }) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const names = useNames(references);
  const form = useForm<PlacementDraft>({
    defaultValues: { masterId: masters[0]?.masterId ?? '', referral: undefined, resident: undefined },
  });
  const action = useTvtoAction(() => (form.reset({ ...form.getValues(), referral: undefined, resident: undefined }), onDone()));
  const { errors } = form.formState;

  const submit = form.handleSubmit((f) =>
    action.run(() =>
      api.place(f.masterId, f.referral ? { referralId: f.referral.referralId } : { residentRef: f.resident?.residentRef ?? null }),
    ),
  );
  return (
    <details data-testid="vt-place-form-toggle">
      <summary>{t('vt.apprenticeships.place')}</summary>
      <Form onSubmit={() => void submit()} error={action.error} testId="vt-place-form">
        <Controller
          control={form.control}
          name="masterId"
          rules={{ required: t('vt.required') }}
          render={({ field }) => (
            <Select
              label={t('vt.apprenticeships.master')}
              value={field.value}
              data-testid="vt-place-master"
              error={errors.masterId?.message}
              onChange={(e) => field.onChange(e.target.value)}
              options={masters.map((m) => ({ value: m.masterId, label: `${m.name} (${names.trade(m.trade)})` }))}
            />
          )}
        />
        <Controller
          control={form.control}
          name="referral"
          render={({ field }) => (
            <ReferralPicker
              label={t('vt.counselling.referral')}
              testId="vt-place-referral"
              state="accepted"
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
        <Controller
          control={form.control}
          name="resident"
          render={({ field }) => (
            <ReferralPicker label={t('vt.resident')} testId="vt-place-resident" value={field.value} onChange={field.onChange} />
          )}
        />
        <Button type="submit" busy={action.busy} data-testid="vt-place-submit">
          {t('vt.apprenticeships.place')}
        </Button>
      </Form>
    </details>
  );
}
