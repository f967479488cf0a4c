import {
  Badge,
  type BadgeTone,
  Card,
  DataTable,
  ErrorCard,
  Loading,
  PagedTable,
  useApiQuery,
  useI18n,
  usePagedQuery,
  useQueryClient,
} from '@hamgam/ui-kit';
import { useReliefApi, type Agreement, type Meeting, type Partner } from './api';
import { useRoles } from './common';
import { NewAgreementForm } from './NewAgreementForm';
import { NewJointMeetingForm } from './NewJointMeetingForm';

const standingTones: Record<Agreement['standing'], BadgeTone> = {
  draft: 'neutral',
  upcoming: 'info',
  active: 'success',
  expired: 'warning',
  terminated: 'danger',
};

/** Partnership agreements (each partner's own officer records its own) and joint meetings with the partners. */
export function PartnersSection() {
  const api = useReliefApi();
  const { t, lookup, formatDate } = useI18n();
  const roles = useRoles();
  const client = useQueryClient();
  const agreementsQuery = useApiQuery(['relief-partnerships', 'agreements'], () => api.agreements(), { module: 'relief' });
  const meetings = usePagedQuery(['relief-partnerships', 'meetings'], (after) => api.meetings(after), { module: 'relief' });
  const reload = () => void client.invalidateQueries({ queryKey: ['relief-partnerships'] });
  if (agreementsQuery.error) return <ErrorCard error={agreementsQuery.error} onRetry={agreementsQuery.reload} />;
  if (!agreementsQuery.data) return <Loading />;
  const agreements = agreementsQuery.data;
  const ownPartners: Partner[] = [
    ...(roles.relief ? (['relief-committee'] as const) : []),
    ...(roles.basij ? (['basij-construction'] as const) : []),
  ];
  return (
    <>
      <Card title={t('relief.agreements.title')}>
        <DataTable
          columns={[
            {
              key: 'partner',
              header: t('relief.agreements.partner'),
              render: (a: Agreement) => lookup(`relief.agency.${a.partner}`) ?? a.partner,
            },
            { key: 'title', header: t('relief.projects.name'), render: (a: Agreement) => <span title={a.scope}>{a.title}</span> },
            {
              key: 'period',
              header: t('relief.agreements.period'),
              render: (a: Agreement) => `${formatDate(a.startsOn)} – ${formatDate(a.endsOn)}`,
            },
            {
              key: 'standing',
              header: t('relief.agreements.standing'),
              render: (a: Agreement) => (
                <Badge tone={standingTones[a.standing]} testId={`agreement-standing-${a.agreementId}`}>
                  {t(`relief.standing.${a.standing}`)}
                </Badge>
              ),
            },
          ]}
          rows={agreements}
          rowKey={(a) => a.agreementId}
          empty={t('relief.agreements.empty')}
          testId="agreements-table"
        />
      </Card>
      {ownPartners.length > 0 && <NewAgreementForm partners={ownPartners} onCreated={reload} />}
      <Card title={t('relief.meetings.title')}>
        <PagedTable
          paged={meetings}
          label={t('relief.meetings.title')}
          columns={[
            { key: 'day', header: t('relief.meetings.heldOn'), render: (m: Meeting) => formatDate(m.heldOn) },
            { key: 'title', header: t('relief.projects.name'), render: (m: Meeting) => m.title },
            {
              key: 'who',
              header: t('relief.meetings.attendees'),
              render: (m: Meeting) => m.attendees.map((a) => lookup(`relief.agency.${a}`) ?? a).join('، '),
            },
            { key: 'decisions', header: t('relief.meetings.decisions'), render: (m: Meeting) => m.decisions },
          ]}
          rowKey={(m) => m.meetingId}
          empty={t('relief.meetings.empty')}
          testId="meetings-table"
        />
      </Card>
      {(roles.relief || roles.basij) && <NewJointMeetingForm onCreated={reload} />}
    </>
  );
}
