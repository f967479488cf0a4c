import { addMonths, today } from '@hamgam/contracts/days';
import {
  Badge,
  Button,
  Card,
  ConfirmButton,
  DataTable,
  DateInput,
  ErrorCard,
  Form,
  ListControls,
  Loading,
  Page,
  PagedTable,
  Select,
  useApiMutation,
  useApiQuery,
  useAuth,
  useI18n,
  usePagedQuery,
  type BadgeTone,
} from '@hamgam/ui-kit';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
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
import { useLocaleDigits } from './digits';
import { EditResident } from './EditRecord';

const statusTone: Record<Consent['status'], BadgeTone> = { active: 'success', expired: 'neutral', withdrawn: 'warning', pending: 'info' };

const inAYear = () => addMonths(today(), 12);

function ConsentsCard({ resident, canChange }: { resident: Resident; canChange: boolean }) {
  const api = useResidentsApi();
  const { t, formatDate } = useI18n();
  const consents = useApiQuery(['clinics', 'consents', resident.id], () => api.consents(resident.id));
  const [purpose, setPurpose] = useState<ConsentPurpose>('referral');
  const [agency, setAgency] = useState<ConsentAgency>('vocational-training');
  const [expiresOn, setExpiresOn] = useState(inAYear);
  const [expiryError, setExpiryError] = useState<string>();
  const changed = { invalidates: [['clinics', 'consents', resident.id]] };
  const granting = useApiMutation(() => api.grantConsent(resident.id, { purpose, agency, expiresOn }), changed);
  const withdrawing = useApiMutation((consentId: string) => api.withdrawConsent(resident.id, consentId), changed);
  const error = granting.error ?? withdrawing.error ?? undefined;

  function grant() {
    // The field hands on '' until its text reads as a day from today on.
    const invalid = expiresOn ? undefined : t('residents.expiryInvalid');
    setExpiryError(invalid);
    if (!invalid) void granting.run();
  }

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
      {canChange && (
        <Form onSubmit={grant} error={error} testId="grant-consent-form">
          <div className="hg-form__row">
            <Select
              label={t('residents.purpose')}
              data-testid="consent-purpose"
              value={purpose}
              onChange={(e) => setPurpose(e.target.value as ConsentPurpose)}
              options={consentPurposes.map((p) => ({ value: p, label: t(`residents.purpose.${p}`) }))}
            />
            <Select
              label={t('residents.agency')}
              data-testid="consent-agency"
              value={agency}
              onChange={(e) => setAgency(e.target.value as ConsentAgency)}
              options={consentAgencies.map((a) => ({ value: a, label: t(`residents.agency.${a}`) }))}
            />
            <DateInput
              label={t('residents.expiresOn')}
              data-testid="consent-expires"
              value={expiresOn}
              min={today()}
              onChange={setExpiresOn}
              error={expiryError}
            />
            <Button type="submit" busy={granting.busy} data-testid="grant-consent">
              {t('residents.grant')}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}

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
