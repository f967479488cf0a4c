import { Card, DataTable, ErrorCard, Loading, Page, useAsync, useAuth, useI18n } from '@hamgam/ui-kit';
import { Link, useParams } from 'react-router-dom';
import { useClinicsApi } from '../api';
import { useResidentsApi } from './api';
import '../messages';
import { QuestionnaireCard } from './QuestionnaireCard';
import { RegisterResidentForm } from './RegisterResidentForm';

/** One household: its members (names for the clinic's own staff only), registering members, and its needs questionnaire. */
export function HouseholdPage({ basePath }: { basePath: string }) {
  const { householdId = '' } = useParams();
  const api = useResidentsApi();
  const clinicsApi = useClinicsApi();
  const auth = useAuth();
  const { t, formatDate, formatNumber } = useI18n();
  const household = useAsync(() => api.household(householdId), [api, householdId]);
  const categories = useAsync(() => clinicsApi.needCategories(), [clinicsApi]);

  const title = household.data
    ? household.data.fileNumber
      ? t('residents.household', { file: household.data.fileNumber })
      : t('residents.householdNoFile')
    : t('residents.title');
  const back = (
    <Link to={`${basePath}/residents`} data-testid="back-to-households">
      {t('residents.back')}
    </Link>
  );
  if (household.error)
    return (
      <Page title={title} actions={back}>
        <ErrorCard error={household.error} onRetry={household.reload} />
      </Page>
    );
  if (!household.data)
    return (
      <Page title={title} actions={back}>
        <Loading />
      </Page>
    );
  const data = household.data;
  const ownClinic = auth.hasRole('clinic-worker') && auth.claims.clinicIds.includes(data.clinicId);
  const labels = new Map((categories.data ?? []).map((c) => [c.id, c.label]));

  return (
    <Page title={title} actions={back}>
      <Card title={t('residents.residents')} testId="household-residents">
        <p data-testid="household-meta">
          {t('residents.registeredAt')}: {formatDate(data.registeredAt)} ·{' '}
          {data.assessedAt ? t('residents.assessedOn', { date: formatDate(data.assessedAt) }) : t('residents.notAssessed')}
        </p>
        <DataTable
          testId="residents"
          rows={data.residents}
          rowKey={(r) => r.id}
          rowTestId={(r) => `resident-${r.id}`}
          empty={t('residents.noResidents')}
          columns={[
            {
              key: 'name',
              header: t('residents.name'),
              render: (r) => (
                <Link to={`${basePath}/residents/${r.id}`} data-testid={`open-resident-${r.id}`}>
                  {r.personal ? r.personal.fullName : t('residents.hidden')}
                </Link>
              ),
            },
            { key: 'relation', header: t('residents.relation'), render: (r) => t(`residents.relation.${r.relation}`) },
            {
              key: 'birth',
              header: t('residents.birthYear'),
              render: (r) => (r.birthYear ? formatNumber(r.birthYear, { useGrouping: false }) : '—'),
            },
          ]}
        />
      </Card>
      {ownClinic && (
        <RegisterResidentForm basePath={basePath} clinicId={data.clinicId} householdId={data.id} onRegistered={household.reload} />
      )}
      {ownClinic && categories.data && <QuestionnaireCard householdId={data.id} categoryLabels={labels} onSubmitted={household.reload} />}
      {!categories.data && categories.error !== undefined && <ErrorCard error={categories.error} onRetry={categories.reload} />}
    </Page>
  );
}
