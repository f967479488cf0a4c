import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  ErrorCard,
  Loading,
  ListControls,
  PagedTable,
  Select,
  TextInput,
  useAuth,
  useI18n,
  usePagedQuery,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { checklistItems, permitStatuses, useTvtoApi, type Permit, type PermitStatus } from './api';
import { InspectionForm } from './InspectionForm';
import { PermitApplicationForm } from './PermitApplicationForm';
import { useTvtoAction } from './problems';
import { ResidentCode, TradePicker, useNames, useReferences, type References } from './references';
import { UnverifiedBadge, UnverifiedNote } from './Unverified';

const tone: Record<PermitStatus, BadgeTone> = {
  submitted: 'neutral',
  'documents-complete': 'info',
  inspected: 'info',
  approved: 'success',
  renewed: 'success',
  rejected: 'danger',
  expired: 'warning',
};

export interface PermitSearch {
  q: string;
  status: PermitStatus | '';
  trade: string;
  sort: 'submittedAt' | 'updatedAt';
}

/** Workshop permit applications: new application, document checklist, inspection, decision, renewal. */
export function PermitsSection() {
  const references = useReferences();
  if (references.error) return <ErrorCard error={references.error} onRetry={references.reload} />;
  if (!references.data) return <Loading />;
  return <PermitList references={references.data} />;
}

/** The applications a page at a time, found by tracking code, filtered by status and trade, newest or last changed first. */
function PermitList({ references }: { references: References }) {
  const api = useTvtoApi();
  const { t, formatDate } = useI18n();
  const canAct = useAuth().hasRole('tvto-staff');
  const names = useNames(references);
  const [search, setSearch] = useState<PermitSearch>({ q: '', status: '', trade: '', sort: 'submittedAt' });
  const paged = usePagedQuery(['vocational-training', 'permits', search], (after) => api.permitPage(search, after), { module: 'vt' });
  const onChange = paged.reload;
  return (
    <>
      {canAct && <PermitApplicationForm references={references} onDone={onChange} />}
      <ListControls
        testId="vt-permits-controls"
        search={{ onSearch: (q) => setSearch({ ...search, q }), placeholder: t('vt.permits.searchHint') }}
        sort={{
          value: search.sort,
          onChange: (sort) => setSearch({ ...search, sort: sort as PermitSearch['sort'] }),
          options: (['submittedAt', 'updatedAt'] as const).map((s) => ({ value: s, label: t(`vt.permits.sort.${s}`) })),
        }}
        filters={
          <>
            <Select
              label={t('vt.status')}
              value={search.status}
              data-testid="vt-permits-status"
              onChange={(e) => setSearch({ ...search, status: e.target.value as PermitSearch['status'] })}
              options={[{ value: '', label: t('vt.all') }, ...permitStatuses.map((s) => ({ value: s, label: t(`vt.permit.${s}`) }))]}
            />
            <TradePicker
              label={t('vt.trade')}
              trades={references[1]}
              value={search.trade}
              testId="vt-permits-trade"
              none={t('vt.all')}
              onChange={(trade) => setSearch({ ...search, trade })}
            />
          </>
        }
      />
      <Card title={t('vt.permits.title')} testId="vt-permits">
        <PagedTable
          paged={paged}
          testId="vt-permits-table"
          rowKey={(p) => p.permitId}
          rowTestId={(p) => `vt-permit-${p.permitId}`}
          empty={t('vt.permits.empty')}
          columns={[
            {
              key: 'code',
              header: t('vt.permits.code'),
              render: (p) => (
                <code dir="ltr" data-testid={`vt-permit-code-${p.permitId}`}>
                  {p.trackingCode}
                </code>
              ),
            },
            {
              key: 'applicant',
              header: t('vt.permits.applicant'),
              render: (p) => (
                <>
                  {p.applicantName ??
                    (p.residentRef ? <ResidentCode code={p.referralCode} testId={`vt-permit-resident-${p.permitId}`} /> : '—')}{' '}
                  {p.unverified && <UnverifiedBadge testId={`vt-permit-unverified-${p.permitId}`} />}
                </>
              ),
            },
            { key: 'trade', header: t('vt.trade'), render: (p) => names.trade(p.trade) },
            {
              key: 'where',
              header: t('vt.permits.address'),
              render: (p) =>
                p.address === null ? names.neighbourhood(p.neighbourhoodId) : `${names.neighbourhood(p.neighbourhoodId)} — ${p.address}`,
            },
            {
              key: 'status',
              header: t('vt.status'),
              render: (p) => (
                <>
                  <Badge tone={tone[p.status]} testId={`vt-permit-status-${p.permitId}`}>
                    {t(`vt.permit.${p.status}`)}
                  </Badge>
                  {p.permitNo && (
                    <div>
                      <code dir="ltr" data-testid={`vt-permit-no-${p.permitId}`}>
                        {p.permitNo}
                      </code>
                      {p.validUntil && <small> {t('vt.permits.validUntil', { date: formatDate(p.validUntil) })}</small>}
                    </div>
                  )}
                  {p.decision?.decision === 'rejected' && <small>{p.decision.reason}</small>}
                </>
              ),
            },
            ...(canAct
              ? [{ key: 'actions', header: t('vt.actions'), render: (p: Permit) => <PermitActions permit={p} onDone={onChange} /> }]
              : []),
          ]}
        />
        <UnverifiedNote rows={paged.items} testId="vt-permits-unverified-note" />
      </Card>
    </>
  );
}

function PermitActions({ permit, onDone }: { permit: Permit; onDone: () => void }) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const action = useTvtoAction(onDone);
  const [reason, setReason] = useState('');
  const id = permit.permitId;
  const error = action.error !== undefined && <ErrorCard error={action.error} testId={`vt-permit-error-${id}`} />;

  if (permit.status === 'submitted' || permit.status === 'documents-complete') {
    return (
      <div>
        {error}
        <fieldset data-testid={`vt-permit-checklist-${id}`}>
          <legend>{t('vt.permits.checklist')}</legend>
          {checklistItems.map((item) => (
            <label key={item} className="hg-check">
              <input
                type="checkbox"
                checked={permit.checklist.includes(item)}
                disabled={action.busy}
                data-testid={`vt-permit-item-${item}-${id}`}
                onChange={(e) => {
                  // Read now: the command runs after React has put the controlled box back until the API answers.
                  const received = e.target.checked;
                  void action.run(() => api.checklist(id, item, received));
                }}
              />{' '}
              {t(`vt.permits.item.${item}`)}
            </label>
          ))}
        </fieldset>
        {permit.status === 'documents-complete' && <InspectionForm permitId={id} onDone={onDone} />}
        <RejectRow
          id={id}
          reason={reason}
          setReason={setReason}
          busy={action.busy}
          onReject={() => void action.run(() => api.decide(id, 'rejected', reason.trim()))}
        />
      </div>
    );
  }
  if (permit.status === 'inspected') {
    return (
      <div>
        {error}
        <TextInput
          label={t('vt.permits.reason')}
          value={reason}
          data-testid={`vt-decision-reason-${id}`}
          onChange={(e) => setReason(e.target.value)}
        />
        <div className="hg-form__row">
          {permit.inspection?.passed && (
            <Button
              busy={action.busy}
              disabled={!reason.trim()}
              data-testid={`vt-approve-${id}`}
              onClick={() => void action.run(() => api.decide(id, 'approved', reason.trim()))}
            >
              {t('vt.permits.approve')}
            </Button>
          )}
          <Button
            variant="secondary"
            busy={action.busy}
            disabled={!reason.trim()}
            data-testid={`vt-reject-${id}`}
            onClick={() => void action.run(() => api.decide(id, 'rejected', reason.trim()))}
          >
            {t('vt.permits.reject')}
          </Button>
        </div>
      </div>
    );
  }
  if (permit.renewable) {
    return (
      <div>
        {error}
        <Button
          variant={permit.status === 'expired' ? 'primary' : 'secondary'}
          busy={action.busy}
          data-testid={`vt-renew-${id}`}
          onClick={() => void action.run(() => api.renew(id))}
        >
          {t('vt.permits.renew')}
        </Button>
      </div>
    );
  }
  return null;
}

function RejectRow({
  id,
  reason,
  setReason,
  busy,
  onReject,
}: {
  id: string;
  reason: string;
  setReason: (r: string) => void;
  busy: boolean;
  onReject: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="hg-form__row">
      <TextInput
        label={t('vt.permits.reason')}
        value={reason}
        data-testid={`vt-reject-reason-${id}`}
        onChange={(e) => setReason(e.target.value)}
      />
      <Button variant="secondary" busy={busy} disabled={!reason.trim()} data-testid={`vt-reject-${id}`} onClick={onReject}>
        {t('vt.permits.reject')}
      </Button>
    </div>
  );
}
