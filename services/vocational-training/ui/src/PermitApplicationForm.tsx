import { Button, Card, Form, TextInput, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useTvtoApi, type PickableReferral } from './api';
import { useTvtoAction } from './problems';
import { NeighbourhoodField, ReferralPicker, TradeField, type References } from './references';

interface PermitDraft {
  referral: PickableReferral | undefined;
  resident: PickableReferral | undefined;
  name: string;
  trade: string;
  neighbourhoodId: string;
  address: string;
}

const blank = (): PermitDraft => ({ referral: undefined, resident: undefined, name: '', trade: '', neighbourhoodId: '', address: '' });

/** A workshop permit application: one applicant (a referral, a resident a referral names, or a walk-in by name), the trade and where. */
export function PermitApplicationForm({ references, onDone }: { references: References; onDone: () => void }) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const [places, trades] = references;
  const form = useForm<PermitDraft>({ defaultValues: blank() });
  const action = useTvtoAction(() => (form.reset(blank()), onDone()));
  const { errors } = form.formState;

  const submit = form.handleSubmit((f) => {
    // One applicant: a clinic referral to answer, else a resident a referral names, else a walk-in by name.
    const referralId = f.referral?.referralId ?? null;
    const residentRef = referralId ? null : (f.resident?.residentRef ?? null);
    const applicantName = referralId || residentRef ? null : f.name.trim() || null;
    return action.run(() =>
      api.apply({ referralId, residentRef, applicantName, trade: f.trade, neighbourhoodId: f.neighbourhoodId, address: f.address.trim() }),
    );
  });
  return (
    <Card testId="vt-permit-form-card">
      <details data-testid="vt-permit-form-toggle">
        <summary>{t('vt.permits.new')}</summary>
        <Form onSubmit={() => void submit()} error={action.rest(['referralId', 'residentRef'])} testId="vt-permit-form">
          <p className="hg-muted">{t('vt.permits.applicantHint')}</p>
          <Controller
            control={form.control}
            name="referral"
            render={({ field }) => (
              <ReferralPicker
                label={t('vt.counselling.referral')}
                testId="vt-permit-referral"
                state="accepted"
                value={field.value}
                onChange={field.onChange}
                error={action.at('referralId')}
              />
            )}
          />
          <Controller
            control={form.control}
            name="resident"
            render={({ field }) => (
              <ReferralPicker
                label={t('vt.resident')}
                testId="vt-permit-resident"
                value={field.value}
                onChange={field.onChange}
                error={action.at('residentRef')}
              />
            )}
          />
          <TextInput
            label={t('vt.permits.applicantName')}
            data-testid="vt-permit-name"
            {...form.register('name', {
              // Without a referral or a resident, the walk-in's name is the applicant.
              validate: (name, f) => Boolean(f.referral || f.resident || name.trim()) || t('vt.required'),
            })}
            error={errors.name?.message}
          />
          <TradeField control={form.control} name="trade" trades={trades} testId="vt-permit-trade" />
          <NeighbourhoodField control={form.control} name="neighbourhoodId" places={places} testId="vt-permit-neighbourhoodId" />
          <TextInput
            label={t('vt.permits.address')}
            data-testid="vt-permit-address"
            {...form.register('address', { validate: (v) => v.trim().length > 0 || t('vt.required') })}
            error={errors.address?.message}
          />
          {Object.keys(errors).length > 0 && (
            <p className="hg-field__error" data-testid="vt-permit-missing">
              {t('vt.required')}
            </p>
          )}
          <Button type="submit" busy={action.busy} data-testid="vt-permit-submit">
            {t('vt.save')}
          </Button>
        </Form>
      </details>
    </Card>
  );
}
