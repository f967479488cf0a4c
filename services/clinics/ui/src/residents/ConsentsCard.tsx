import { addMonths, today } from '@hamgam/contracts/days';
import {
  Badge,
  Button,
  Card,
  DataTable,
  DateInput,
  ErrorCard,
  Form,
  Loading,
  Select,
  useApiMutation,
  useApiQuery,
  useFieldProblem,
  useI18n,
  type BadgeTone,
} from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import {
  consentAgencies,
  consentPurposes,
  useResidentsApi,
  type Consent,
  type ConsentAgency,
  type ConsentPurpose,
  type Resident,
} from './api';
import '../messages';

const statusTone: Record<Consent['status'], BadgeTone> = { active: 'success', expired: 'neutral', withdrawn: 'warning', pending: 'info' };

interface ConsentFields {
  purpose: ConsentPurpose;
  agency: ConsentAgency;
  /** A Tehran day (YYYY-MM-DD), '' while the text is not one from today on. */
  expiresOn: string;
}

/** Records a resident's consent for a purpose and an agency until a day (a year from today proposed). */
function GrantConsentForm({ residentId, withdrawError }: { residentId: string; withdrawError: unknown }) {
  const api = useResidentsApi();
  const { t } = useI18n();
  const problems = useFieldProblem('clinics');
  const { control, register, handleSubmit, formState } = useForm<ConsentFields>({
    defaultValues: { purpose: 'referral', agency: 'vocational-training', expiresOn: addMonths(today(), 12) },
  });
  const granting = useApiMutation((body: ConsentFields) => api.grantConsent(residentId, body), {
    invalidates: [['clinics', 'consents', residentId]],
  });
  const error = granting.error ? problems.rest(granting.error, ['expiresOn']) : withdrawError;

  return (
    <Form onSubmit={() => void handleSubmit((v) => void granting.run(v))()} error={error ?? undefined} testId="grant-consent-form">
      <div className="hg-form__row">
        <Select
          label={t('residents.purpose')}
          data-testid="consent-purpose"
          options={consentPurposes.map((p) => ({ value: p, label: t(`residents.purpose.${p}`) }))}
          {...register('purpose')}
        />
        <Select
          label={t('residents.agency')}
          data-testid="consent-agency"
          options={consentAgencies.map((a) => ({ value: a, label: t(`residents.agency.${a}`) }))}
          {...register('agency')}
        />
        <Controller
          control={control}
          name="expiresOn"
          // The field hands on '' until its text reads as a day from today on.
          rules={{ validate: (v) => Boolean(v) || t('residents.expiryInvalid') }}
          render={({ field }) => (
            <DateInput
              label={t('residents.expiresOn')}
              data-testid="consent-expires"
              value={field.value}
              min={today()}
              onChange={field.onChange}
              error={formState.errors.expiresOn?.message ?? problems.of(granting.error, 'expiresOn')}
            />
          )}
        />
        <Button type="submit" busy={granting.busy} data-testid="grant-consent">
          {t('residents.grant')}
        </Button>
      </div>
    </Form>
  );
}

/** A resident's consents, withdrawn one by one, and (for the own clinic's staff) the form recording a new one. */
export function ConsentsCard({ resident, canChange }: { resident: Resident; canChange: boolean }) {
  const api = useResidentsApi();
  const { t, formatDate } = useI18n();
  const consents = useApiQuery(['clinics', 'consents', resident.id], () => api.consents(resident.id));
  const withdrawing = useApiMutation((consentId: string) => api.withdrawConsent(resident.id, consentId), {
    invalidates: [['clinics', 'consents', resident.id]],
  });

  return (
    <Card title={t('residents.consents')} testId="consents">
      {consents.error ? (
        <ErrorCard error={consents.error} onRetry={consents.reload} />
      ) : !consents.data ? (
        <Loading />
      ) : (
        <DataTable
          testId="consents-table"
          rows={consents.data}
          rowKey={(c) => c.id}
          rowTestId={(c) => `consent-${c.purpose}-${c.agency}`}
          empty={t('residents.noConsents')}
          columns={[
            { key: 'purpose', header: t('residents.purpose'), render: (c) => t(`residents.purpose.${c.purpose}`) },
            { key: 'agency', header: t('residents.agency'), render: (c) => t(`residents.agency.${c.agency}`) },
            { key: 'expires', header: t('residents.expiresOn'), render: (c) => formatDate(c.expiresOn) },
            {
              key: 'status',
              header: t('residents.status'),
              render: (c) => (
                <Badge tone={statusTone[c.status]} testId={`consent-status-${c.id}`}>
                  {t(`residents.consent.${c.status}`)}
                </Badge>
              ),
            },
            {
              key: 'action',
              header: '',
              render: (c) =>
                canChange && c.status === 'active' ? (
                  <Button
                    variant="secondary"
                    busy={withdrawing.busy && withdrawing.variables === c.id}
                    onClick={() => void withdrawing.run(c.id)}
                    data-testid={`withdraw-consent-${c.id}`}
                  >
                    {t('residents.withdraw')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      {canChange && <GrantConsentForm residentId={resident.id} withdrawError={withdrawing.error} />}
    </Card>
  );
}
