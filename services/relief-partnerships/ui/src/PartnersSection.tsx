import { today } from '@hamgam/contracts/days';
import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  DataTable,
  DateInput,
  ErrorCard,
  Form,
  Loading,
  PagedTable,
  Select,
  TextInput,
  useAction,
  useApiQuery,
  useI18n,
  usePagedQuery,
  useProblemSentence,
  useQueryClient,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { ATTENDEES, useReliefApi, type Agreement, type Meeting, type Partner } from './api';
import { Textarea, useRoles } from './common';

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
      {(roles.relief || roles.basij) && <NewMeetingForm onCreated={reload} />}
    </>
  );
}

function NewAgreementForm({ partners, onCreated }: { partners: Partner[]; onCreated: () => void }) {
  const api = useReliefApi();
  const { t, lookup } = useI18n();
  const [partner, setPartner] = useState<Partner>(partners[0]!);
  const [title, setTitle] = useState('');
  const [scope, setScope] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [signedOn, setSignedOn] = useState('');
  const sentence = useProblemSentence('relief');
  const { busy, error, run } = useAction(() => {
    setTitle('');
    setScope('');
    onCreated();
  });
  function submit() {
    void run(() =>
      api.createAgreement({
        partner,
        title: title.trim(),
        scope: scope.trim(),
        startsOn,
        endsOn,
        signedOn: signedOn || null,
        status: signedOn ? 'signed' : 'draft',
      }),
    );
  }
  return (
    <Card title={t('relief.agreements.new')}>
      <Form onSubmit={() => void submit()} error={sentence(error)} testId="agreement-form">
        <div className="hg-form__row">
          <Select
            label={t('relief.agreements.partner')}
            value={partner}
            onChange={(e) => setPartner(e.target.value as Partner)}
            options={partners.map((p) => ({ value: p, label: lookup(`relief.agency.${p}`) ?? p }))}
            data-testid="agreement-partner"
          />
          <TextInput
            label={t('relief.projects.name')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="agreement-title"
          />
          <DateInput label={t('relief.agreements.start')} value={startsOn} onChange={setStartsOn} data-testid="agreement-start" />
          <DateInput label={t('relief.agreements.end')} value={endsOn} onChange={setEndsOn} data-testid="agreement-end" />
          <DateInput label={t('relief.agreements.signed')} value={signedOn} onChange={setSignedOn} data-testid="agreement-signed" />
        </div>
        <Textarea label={t('relief.projects.scope')} value={scope} onChange={setScope} testId="agreement-scope" />
        <div>
          <Button type="submit" busy={busy} data-testid="agreement-create">
            {t('relief.agreements.create')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function NewMeetingForm({ onCreated }: { onCreated: () => void }) {
  const api = useReliefApi();
  const { t, lookup } = useI18n();
  const [heldOn, setHeldOn] = useState(today());
  const [title, setTitle] = useState('');
  const [attendees, setAttendees] = useState<string[]>(['relief-committee', 'basij-construction']);
  const [decisions, setDecisions] = useState('');
  const sentence = useProblemSentence('relief');
  const { busy, error, run } = useAction(() => {
    setTitle('');
    setDecisions('');
    onCreated();
  });
  const toggle = (a: string) => setAttendees(attendees.includes(a) ? attendees.filter((x) => x !== a) : [...attendees, a]);
  function submit() {
    void run(() =>
      api.createMeeting({
        heldOn,
        title: title.trim(),
        attendees: ATTENDEES.filter((a) => attendees.includes(a)),
        decisions: decisions.trim(),
      }),
    );
  }
  return (
    <Card title={t('relief.meetings.new')}>
      <Form onSubmit={() => void submit()} error={sentence(error)} testId="joint-meeting-form">
        <div className="hg-form__row">
          <DateInput label={t('relief.meetings.heldOn')} value={heldOn} onChange={setHeldOn} data-testid="joint-meeting-date" />
          <TextInput
            label={t('relief.projects.name')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="joint-meeting-title"
          />
        </div>
        <fieldset className="hg-field" style={{ border: 0, padding: 0 }}>
          <legend className="hg-field__label">{t('relief.meetings.attendees')}</legend>
          <div className="hg-form__row">
            {ATTENDEES.map((a) => (
              <label key={a}>
                <input
                  type="checkbox"
                  checked={attendees.includes(a)}
                  onChange={() => toggle(a)}
                  data-testid={`joint-meeting-attendee-${a}`}
                />{' '}
                {lookup(`relief.agency.${a}`) ?? a}
              </label>
            ))}
          </div>
        </fieldset>
        <Textarea label={t('relief.meetings.decisions')} value={decisions} onChange={setDecisions} testId="joint-meeting-decisions" />
        <div>
          <Button type="submit" busy={busy} data-testid="joint-meeting-create">
            {t('relief.meetings.create')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
