import { Button, Card, DataTable, ErrorCard, Form, Loading, Page, TextInput, useAsync, useAuth, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ClinicPicker, useClinicChoice } from '../referrals/ClinicPicker';
import { useResidentsApi } from './api';
import '../messages';

/** The clinic's households: register a new one, open one to register its members and assess it. */
export function ResidentsPage({ basePath }: { basePath: string }) {
  const api = useResidentsApi();
  const auth = useAuth();
  const navigate = useNavigate();
  const { t, formatDate, formatNumber } = useI18n();
  const { clinics, list, clinic, choose } = useClinicChoice();
  const households = useAsync(() => (clinic ? api.households(clinic.id) : Promise.resolve([])), [api, clinic?.id]);
  const [fileNumber, setFileNumber] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const ownClinic = !!clinic && auth.hasRole('clinic-worker') && auth.claims.clinicIds.includes(clinic.id);

  if (clinics.error)
    return (
      <Page title={t('residents.title')}>
        <ErrorCard error={clinics.error} onRetry={clinics.reload} />
      </Page>
    );
  if (!clinics.data)
    return (
      <Page title={t('residents.title')}>
        <Loading />
      </Page>
    );

  async function register() {
    if (!clinic) return;
    setBusy(true);
    setError(undefined);
    try {
      const created = await api.registerHousehold(clinic.id, fileNumber.trim());
      navigate(`${basePath}/residents/households/${created.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('residents.title')}>
      <ClinicPicker list={list} clinic={clinic} choose={choose} />
      {ownClinic && (
        <Card title={t('residents.newHousehold')}>
          <Form onSubmit={register} error={error} testId="new-household-form">
            <div className="hg-form__row">
              <TextInput
                label={t('residents.fileNumber')}
                placeholder={t('residents.fileNumberHint')}
                data-testid="new-household-file"
                value={fileNumber}
                maxLength={40}
                onChange={(event) => setFileNumber(event.target.value)}
              />
              <Button type="submit" busy={busy} data-testid="register-household">
                {t('residents.register')}
              </Button>
            </div>
          </Form>
        </Card>
      )}
      <Card title={t('residents.households')}>
        {households.error ? (
          <ErrorCard error={households.error} onRetry={households.reload} />
        ) : !households.data ? (
          <Loading />
        ) : (
          <DataTable
            testId="households"
            rows={households.data}
            rowKey={(h) => h.id}
            rowTestId={(h) => `household-${h.id}`}
            empty={t('residents.noHouseholds')}
            columns={[
              { key: 'file', header: t('residents.fileNumber'), render: (h) => <bdi>{h.fileNumber || '—'}</bdi> },
              { key: 'members', header: t('residents.members'), render: (h) => formatNumber(h.members) },
              { key: 'registered', header: t('residents.registeredAt'), render: (h) => formatDate(h.registeredAt) },
              {
                key: 'assessment',
                header: t('residents.assessment'),
                render: (h) =>
                  (h.assessedAt ? t('residents.assessedOn', { date: formatDate(h.assessedAt) }) : t('residents.notAssessed')) +
                  (h.hasDraft ? ` · ${t('residents.draftSaved')}` : ''),
              },
              {
                key: 'open',
                header: '',
                render: (h) => (
                  <Link to={`${basePath}/residents/households/${h.id}`} data-testid={`open-household-${h.id}`}>
                    {t('residents.open')}
                  </Link>
                ),
              },
            ]}
          />
        )}
      </Card>
    </Page>
  );
}
