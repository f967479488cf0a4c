import {
  Badge,
  Button,
  Card,
  ConfirmButton,
  DataTable,
  ErrorCard,
  Loading,
  Page,
  useApiMutation,
  useApiQuery,
  useAuth,
  useI18n,
} from '@hamgam/ui-kit';
import { Link, useParams } from 'react-router-dom';
import { useClinicsApi } from '../api';
import '../messages';
import { useResidentsApi, type HouseholdDetail } from './api';
import { EditFileNumber } from './EditRecord';
import { QuestionnaireCard } from './QuestionnaireCard';
import { RecordedAssessmentCard } from './RecordedAssessmentCard';
import { RegisterResidentForm } from './RegisterResidentForm';

/** Archive a household registered by mistake (asked first; the API refuses while members are on the register), or restore it. */
function ArchiveHousehold({ household }: { household: HouseholdDetail }) {
  const api = useResidentsApi();
  const { t } = useI18n();
  const changed = {
    invalidates: [
      ['clinics', 'household', household.id],
      ['clinics', 'households'],
    ],
  };
  const archive = useApiMutation(() => api.archiveHousehold(household.id), changed);
  const restore = useApiMutation(() => api.restoreHousehold(household.id), changed);
  const error = archive.error ?? restore.error;
  return (
    <div className="hg-form__row">
      {household.archivedAt ? (
        <Button variant="secondary" busy={restore.busy} onClick={() => void restore.run()} data-testid="restore-household">
          {t('residents.restore')}
        </Button>
      ) : (
        <ConfirmButton
          onConfirm={() => void archive.run()}
          busy={archive.busy}
          question={t('residents.archiveHouseholdQuestion')}
          testId="archive-household"
        >
          {t('residents.archiveHousehold')}
        </ConfirmButton>
      )}
      {error && <ErrorCard error={error} />}
    </div>
  );
}

/** One household: its members (names for the clinic's own staff only), registering members, its questionnaire and what was recorded. */
export function HouseholdPage({ basePath }: { basePath: string }) {
  const { householdId = '' } = useParams();
  const api = useResidentsApi();
  const clinicsApi = useClinicsApi();
  const auth = useAuth();
  const { t, formatDate, formatNumber } = useI18n();
  const household = useApiQuery(['clinics', 'household', householdId], () => api.household(householdId));
  const categories = useApiQuery(['clinics', 'need-categories'], () => clinicsApi.needCategories(), { staleTime: 3_600_000 });

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
  const active = ownClinic && !data.archivedAt;

  return (
    <Page title={title} actions={back}>
      <Card title={t('residents.residents')} testId="household-residents">
        <p data-testid="household-meta">
          {t('residents.registeredAt')}: {formatDate(data.registeredAt)} ·{' '}
          {data.assessedAt ? t('residents.assessedOn', { date: formatDate(data.assessedAt) }) : t('residents.notAssessed')}{' '}
          {data.archivedAt && (
            <Badge tone="neutral" testId="household-archived">
              {t('residents.householdArchived')}
            </Badge>
          )}
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
            {
              key: 'relation',
              header: t('residents.relation'),
              render: (r) => (
                <>
                  {t(`residents.relation.${r.relation}`)} {r.archivedAt && <Badge tone="neutral">{t('residents.archivedBadge')}</Badge>}
                </>
              ),
            },
            {
              key: 'birth',
              header: t('residents.birthYear'),
              render: (r) => (r.birthYear ? formatNumber(r.birthYear, { useGrouping: false }) : '—'),
            },
          ]}
        />
        {active && <EditFileNumber household={data} />}
        {ownClinic && <ArchiveHousehold household={data} />}
      </Card>
      {active && (
        <RegisterResidentForm basePath={basePath} clinicId={data.clinicId} householdId={data.id} onRegistered={household.reload} />
      )}
      {data.assessedAt && <RecordedAssessmentCard householdId={data.id} categoryLabels={labels} />}
      {active && categories.data && <QuestionnaireCard householdId={data.id} categoryLabels={labels} onSubmitted={household.reload} />}
      {!categories.data && categories.error && <ErrorCard error={categories.error} onRetry={categories.reload} />}
    </Page>
  );
}
