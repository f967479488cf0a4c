import {
  Badge,
  Button,
  Card,
  Code,
  DataTable,
  ErrorCard,
  Form,
  Loading,
  Select,
  TextInput,
  useAsync,
  useI18n,
  type Column,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link, Route, Routes, useNavigate } from 'react-router-dom';
import { caseStates, useWelfareApi, type CaseState, type CaseSummary, type OpenableReferral } from './api';
import { CasePage } from './CasePage';
import { LevelBadge, ShortRef, StateBadge, useNeighbourhoodName } from './parts';
import { useProblemSentence } from './problems';

/** The case worker's own caseload and each case's page, under `<base>`. */
export function CasesSection({ base }: { base: string }) {
  return (
    <Routes>
      <Route index element={<Caseload base={base} />} />
      <Route path=":caseId" element={<CasePage base={base} />} />
    </Routes>
  );
}

function Caseload({ base }: { base: string }) {
  const api = useWelfareApi();
  const { t, formatDate, formatNumber } = useI18n();
  const nameOf = useNeighbourhoodName();
  const [state, setState] = useState<CaseState | ''>('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const cases = useAsync(() => api.caseload({ state: state || undefined, overdue: overdueOnly }), [api, state, overdueOnly]);

  const columns: Column<CaseSummary>[] = [
    {
      key: 'household',
      header: t('welfare.case.household'),
      render: (c) => (
        <Link to={`${base}/${c.caseId}`} data-testid={`welfare-case-link-${c.caseId}`}>
          <ShortRef value={c.householdRef} />
        </Link>
      ),
    },
    {
      key: 'verified',
      header: '',
      render: (c) =>
        c.unverified && (
          <Badge tone="warning" testId={`welfare-case-unverified-${c.caseId}`}>
            {t('welfare.case.unverified')}
          </Badge>
        ),
    },
    { key: 'neighbourhood', header: t('welfare.case.neighbourhood'), render: (c) => nameOf(c.neighbourhoodId) },
    {
      key: 'state',
      header: t('welfare.case.state'),
      render: (c) => <StateBadge state={c.state} testId={`welfare-case-state-${c.caseId}`} />,
    },
    {
      key: 'level',
      header: t('welfare.case.level'),
      render: (c) => <LevelBadge level={c.level} testId={`welfare-case-level-${c.caseId}`} />,
    },
    {
      key: 'work',
      header: t('welfare.case.work'),
      render: (c) => (
        <>
          {c.nextVisitOn && <small>{t('welfare.case.nextVisit', { date: formatDate(c.nextVisitOn) })} </small>}
          {c.overdueTasks > 0 && (
            <Badge tone="danger" testId={`welfare-case-overdue-tasks-${c.caseId}`}>
              {t('welfare.case.overdueTasks', { count: formatNumber(c.overdueTasks) })}
            </Badge>
          )}{' '}
          {c.visitOverdue && (
            <Badge tone="danger" testId={`welfare-case-visit-overdue-${c.caseId}`}>
              {t('welfare.case.visitOverdue')}
            </Badge>
          )}
        </>
      ),
    },
    { key: 'flags', header: t('welfare.case.flags'), render: (c) => c.activeFlags.map((f) => t(`welfare.flag.${f}`)).join('، ') || '—' },
    { key: 'opened', header: t('welfare.case.opened'), render: (c) => formatDate(c.openedAt) },
  ];

  return (
    <>
      <OpenableReferrals base={base} />
      <Card title={t('welfare.caseload.title')} testId="welfare-caseload">
        <div className="hg-form__row">
          <Select
            label={t('welfare.case.state')}
            data-testid="welfare-caseload-state"
            value={state}
            onChange={(e) => setState(e.target.value as CaseState | '')}
            options={[
              { value: '', label: t('welfare.caseload.allStates') },
              ...caseStates.map((s) => ({ value: s, label: t(`welfare.state.${s}`) })),
            ]}
          />
          <label className="hg-field">
            <span className="hg-field__label">{t('welfare.caseload.overdueOnly')}</span>
            <input
              type="checkbox"
              data-testid="welfare-caseload-overdue"
              checked={overdueOnly}
              onChange={(e) => setOverdueOnly(e.target.checked)}
            />
          </label>
        </div>
        {cases.error ? (
          <ErrorCard error={cases.error} onRetry={cases.reload} />
        ) : !cases.data ? (
          <Loading />
        ) : (
          <DataTable
            testId="welfare-caseload-table"
            columns={columns}
            rows={cases.data}
            rowKey={(c) => c.caseId}
            rowTestId={(c) => `welfare-case-row-${c.caseId}`}
            empty={t('welfare.caseload.empty')}
          />
        )}
      </Card>
      <OpenCaseForm base={base} />
    </>
  );
}

/** Accepted social-care referrals of the desk without a case yet: one click opens the case. */
function OpenableReferrals({ base }: { base: string }) {
  const api = useWelfareApi();
  const { t, localize, formatDate } = useI18n();
  const navigate = useNavigate();
  const nameOf = useNeighbourhoodName();
  const referrals = useAsync(() => api.openable(), [api]);
  const sentence = useProblemSentence();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();

  async function open(referralId: string) {
    setBusy(referralId);
    setError(undefined);
    try {
      const opened = await api.openFromReferral(referralId);
      navigate(`${base}/${opened.caseId}`);
    } catch (failure) {
      setError(sentence(failure));
      setBusy(undefined);
    }
  }

  if (referrals.error) return <ErrorCard error={referrals.error} onRetry={referrals.reload} />;
  if (!referrals.data || referrals.data.length === 0) return null;
  const columns: Column<OpenableReferral>[] = [
    { key: 'code', header: t('welfare.openable.code'), render: (r) => <Code>{r.trackingCode}</Code> },
    { key: 'offer', header: t('welfare.openable.offer'), render: (r) => localize(r.offerTitle) },
    { key: 'neighbourhood', header: t('welfare.case.neighbourhood'), render: (r) => nameOf(r.neighbourhoodId) },
    { key: 'completeBy', header: t('welfare.openable.completeBy'), render: (r) => (r.completeBy ? formatDate(r.completeBy) : '—') },
    {
      key: 'open',
      header: '',
      render: (r) => (
        <Button busy={busy === r.referralId} data-testid={`welfare-open-referral-${r.referralId}`} onClick={() => open(r.referralId)}>
          {t('welfare.openable.open')}
        </Button>
      ),
    },
  ];
  return (
    <Card title={t('welfare.openable.title')} testId="welfare-openable">
      {error !== undefined && <ErrorCard error={error} />}
      <DataTable
        testId="welfare-openable-table"
        columns={columns}
        rows={referrals.data}
        rowKey={(r) => r.referralId}
        rowTestId={(r) => `welfare-openable-${r.referralId}`}
      />
    </Card>
  );
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Opens a case directly, for a household the clinic identified by its opaque reference. */
function OpenCaseForm({ base }: { base: string }) {
  const api = useWelfareApi();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [householdRef, setHouseholdRef] = useState('');
  const [neighbourhoodId, setNeighbourhoodId] = useState('');
  const [errors, setErrors] = useState<{ household?: string; neighbourhood?: string }>({});
  const sentence = useProblemSentence();
  const [apiError, setApiError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  async function submit() {
    const found = {
      household: uuid.test(householdRef.trim()) ? undefined : t('welfare.open.badRef'),
      neighbourhood: slug.test(neighbourhoodId.trim()) ? undefined : t('welfare.required'),
    };
    setErrors(found);
    if (found.household || found.neighbourhood) return;
    setSaving(true);
    setApiError(undefined);
    try {
      const opened = await api.open({ householdRef: householdRef.trim().toLowerCase(), neighbourhoodId: neighbourhoodId.trim() });
      navigate(`${base}/${opened.caseId}`);
    } catch (failure) {
      setApiError(sentence(failure));
      setSaving(false);
    }
  }

  return (
    <Card title={t('welfare.open.title')} testId="welfare-open">
      <Form onSubmit={submit} error={apiError} testId="welfare-open-form">
        <div className="hg-form__row">
          <TextInput
            label={t('welfare.open.household')}
            dir="ltr"
            data-testid="welfare-open-household"
            value={householdRef}
            onChange={(e) => setHouseholdRef(e.target.value)}
            error={errors.household}
          />
          <TextInput
            label={t('welfare.open.neighbourhood')}
            dir="ltr"
            data-testid="welfare-open-neighbourhood"
            value={neighbourhoodId}
            onChange={(e) => setNeighbourhoodId(e.target.value)}
            error={errors.neighbourhood}
          />
        </div>
        <Button type="submit" busy={saving} data-testid="welfare-open-submit">
          {t('welfare.open.submit')}
        </Button>
      </Form>
    </Card>
  );
}
