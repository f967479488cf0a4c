import {
  Button,
  Card,
  ConfirmButton,
  ErrorCard,
  ListControls,
  Loading,
  Page,
  PagedTable,
  useApiMutation,
  useApiQuery,
  useAuth,
  useI18n,
  usePagedQuery,
} from '@hamgam/ui-kit';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useResidentsApi, type Resident } from './api';
import { ConsentsCard } from './ConsentsCard';
import '../messages';
import { useLocaleDigits } from './digits';
import { EditResident } from './EditRecord';

/** Who read or changed the resident's personal data: a page at a time (it grows with every read), newest or oldest first. */
function AccessLogCard({ residentId }: { residentId: string }) {
  const api = useResidentsApi();
  const { t, formatDateTime } = useI18n();
  const [sort, setSort] = useState<'newest' | 'oldest'>('newest');
  const log = usePagedQuery(['clinics', 'access-log', residentId, sort], (after) => api.accessLogPage(residentId, sort, after));
  return (
    <Card title={t('residents.accessLog')} testId="access-log">
      <ListControls
        testId="access-log-controls"
        sort={{
          value: sort,
          onChange: (value) => setSort(value as 'newest' | 'oldest'),
          options: (['newest', 'oldest'] as const).map((value) => ({ value, label: t(`residents.sort.${value}`) })),
        }}
      />
      <PagedTable
        paged={log}
        testId="access-log-table"
        rowKey={(e) => e.id}
        columns={[
          { key: 'at', header: t('residents.accessAt'), render: (e) => formatDateTime(e.at) },
          { key: 'action', header: t('residents.status'), render: (e) => t(`residents.access.${e.action}`) },
          { key: 'by', header: t('residents.accessBy'), render: (e) => <bdi>{e.actorName}</bdi> },
        ]}
      />
    </Card>
  );
}

/** Archive a resident registered by mistake (asked first), or bring an archived one back. */
function ArchiveResident({ resident }: { resident: Resident }) {
  const api = useResidentsApi();
  const { t } = useI18n();
  const changed = {
    invalidates: [
      ['clinics', 'resident', resident.id],
      ['clinics', 'households'],
      ['clinics', 'household', resident.householdId],
    ],
  };
  const archive = useApiMutation(() => api.archiveResident(resident.id), changed);
  const restore = useApiMutation(() => api.restoreResident(resident.id), changed);
  const error = archive.error ?? restore.error;
  return (
    <div className="hg-form__row">
      {resident.archivedAt ? (
        <Button variant="secondary" busy={restore.busy} onClick={() => void restore.run()} data-testid="restore-resident">
          {t('residents.restore')}
        </Button>
      ) : (
        <ConfirmButton
          onConfirm={() => void archive.run()}
          busy={archive.busy}
          question={t('residents.archiveResidentQuestion')}
          testId="archive-resident"
        >
          {t('residents.archiveResident')}
        </ConfirmButton>
      )}
      {error && <ErrorCard error={error} />}
    </div>
  );
}

export interface ResidentPageProps {
  basePath: string;
  /** More cards about the resident (the referrals section adds the resident's timeline here). */
  children?: (resident: Resident) => ReactNode;
}

/** A resident's file: personal data for the own clinic's staff only, consents, who accessed the data, and what other sections add. */
export function ResidentPage({ basePath, children }: ResidentPageProps) {
  const { residentId = '' } = useParams();
  const api = useResidentsApi();
  const auth = useAuth();
  const { t, formatNumber, formatDate } = useI18n();
  const digits = useLocaleDigits();
  const resident = useApiQuery(['clinics', 'resident', residentId], () => api.resident(residentId));

  if (resident.error)
    return (
      <Page title={t('residents.resident')}>
        <ErrorCard error={resident.error} onRetry={resident.reload} />
      </Page>
    );
  if (!resident.data)
    return (
      <Page title={t('residents.resident')}>
        <Loading />
      </Page>
    );
  const r = resident.data;
  const ownClinic = auth.hasRole('clinic-worker') && auth.claims.clinicIds.includes(r.clinicId);
  const back = (
    <Link to={`${basePath}/residents/households/${r.householdId}`} data-testid="back-to-household">
      {t('residents.residents')}
    </Link>
  );

  return (
    <Page title={r.personal ? r.personal.fullName : t('residents.resident')} actions={back}>
      <Card title={t('residents.personal')} testId="resident-personal">
        <dl className="hg-dl">
          {r.personal ? (
            <>
              <dt>{t('residents.name')}</dt>
              <dd data-testid="resident-full-name">{r.personal.fullName}</dd>
              <dt>{t('residents.nationalId')}</dt>
              <dd data-testid="resident-national-id-value">
                {formatNumber(Number(r.personal.nationalId), { useGrouping: false, minimumIntegerDigits: 10 })}
              </dd>
              <dt>{t('residents.phone')}</dt>
              <dd data-testid="resident-phone-value">
                <bdi>{digits(r.personal.phone)}</bdi>
              </dd>
            </>
          ) : (
            <>
              <dt>{t('residents.name')}</dt>
              <dd data-testid="resident-personal-hidden">{t('residents.hidden')}</dd>
            </>
          )}
          <dt>{t('residents.relation')}</dt>
          <dd>{t(`residents.relation.${r.relation}`)}</dd>
          <dt>{t('residents.birthYear')}</dt>
          <dd>{r.birthYear ? formatNumber(r.birthYear, { useGrouping: false }) : '—'}</dd>
          <dt>{t('residents.registeredAt')}</dt>
          <dd>{formatDate(r.registeredAt)}</dd>
          {r.archivedAt && (
            <>
              <dt>{t('residents.archivedBadge')}</dt>
              <dd data-testid="resident-archived">{formatDate(r.archivedAt)}</dd>
            </>
          )}
        </dl>
        {ownClinic && !r.archivedAt && <EditResident resident={r} />}
        {ownClinic && <ArchiveResident resident={r} />}
      </Card>
      <ConsentsCard resident={r} canChange={ownClinic} />
      {children?.(r)}
      {(ownClinic || auth.hasRole('auditor')) && <AccessLogCard residentId={r.id} />}
    </Page>
  );
}
