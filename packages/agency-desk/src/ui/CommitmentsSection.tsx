import { today } from '@hamgam/contracts/days';
import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  Code,
  type Column,
  DataTable,
  DateInput,
  ErrorCard,
  Form,
  Loading,
  Select,
  TextInput,
  useAsync,
  useI18n,
  useProblemSentence,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import type { Commitment, NeighbourhoodPriorities } from './api';
import { useDesk } from './context';
import type { CommitmentStatus, NeedCategory } from './vocabulary';

const statusTone: Record<CommitmentStatus, BadgeTone> = {
  planned: 'neutral',
  'in-progress': 'info',
  delivered: 'success',
  slipped: 'warning',
};

/** The agency's own declarations and the working group's action items for it, with progress reports. */
export function CommitmentsSection() {
  const { api, canAct } = useDesk();
  const { t, localize, formatDate } = useI18n();
  const data = useAsync(() => Promise.all([api.commitments(), api.priorities()]), [api]);

  if (data.error) return <ErrorCard error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const [commitments, priorities] = data.data;
  const names = new Map(priorities.map((p) => [p.neighbourhoodId, localize(p.neighbourhoodName)]));

  const columns: Column<Commitment>[] = [
    { key: 'title', header: t('desk.commitments.commitment'), render: (c) => c.title },
    {
      key: 'neighbourhood',
      header: t('desk.commitments.neighbourhood'),
      render: (c) => names.get(c.neighbourhoodId) ?? <Code>{c.neighbourhoodId}</Code>,
    },
    {
      key: 'answers',
      header: t('desk.commitments.answers'),
      render: (c) => (c.answers ? t(`desk.need.${c.answers}`) : t('desk.commitments.noPriority')),
    },
    {
      key: 'source',
      header: t('desk.commitments.source'),
      render: (c) => (
        <Badge tone={c.source === 'working-group' ? 'info' : 'neutral'} testId={`desk-commitment-source-${c.commitmentId}`}>
          {t(`desk.commitments.source.${c.source}`)}
        </Badge>
      ),
    },
    {
      key: 'due',
      header: t('desk.commitments.due'),
      render: (c) => (
        <>
          {formatDate(c.dueOn)}
          {c.revisedDueOn && (
            <>
              <br />
              <small>{t('desk.commitments.revised', { date: formatDate(c.revisedDueOn) })}</small>
            </>
          )}
        </>
      ),
    },
    {
      key: 'status',
      header: t('desk.commitments.status'),
      render: (c) => (
        <>
          <Badge tone={statusTone[c.status]} testId={`desk-commitment-status-${c.commitmentId}`}>
            {t(`desk.commitment.${c.status}`)}
          </Badge>{' '}
          {c.overdue && (
            <Badge tone="danger" testId={`desk-commitment-overdue-${c.commitmentId}`}>
              {t('desk.overdue')}
            </Badge>
          )}
        </>
      ),
    },
    ...(canAct
      ? [
          {
            key: 'actions',
            header: t('desk.commitments.actions'),
            render: (c: Commitment) => <ProgressActions commitment={c} onDone={data.reload} />,
          },
        ]
      : []),
  ];

  return (
    <>
      {canAct && <DeclareForm priorities={priorities} onDeclared={data.reload} />}
      <Card title={t('desk.commitments.title')} testId="desk-commitments">
        <DataTable
          testId="desk-commitments-table"
          columns={columns}
          rows={commitments}
          rowKey={(c) => c.commitmentId}
          rowTestId={(c) => `desk-commitment-${c.commitmentId}`}
          empty={t('desk.commitments.empty')}
        />
      </Card>
    </>
  );
}

type Step = 'in-progress' | 'delivered' | 'slipped';
const next: Record<CommitmentStatus, { step: Step; label: string }[]> = {
  planned: [{ step: 'in-progress', label: 'desk.commitments.start' }],
  'in-progress': [
    { step: 'delivered', label: 'desk.commitments.deliver' },
    { step: 'slipped', label: 'desk.commitments.slip' },
  ],
  slipped: [{ step: 'in-progress', label: 'desk.commitments.resume' }],
  delivered: [],
};

function ProgressActions({ commitment, onDone }: { commitment: Commitment; onDone: () => void }) {
  const { api } = useDesk();
  const { t } = useI18n();
  const [step, setStep] = useState<Step>();
  const [evidence, setEvidence] = useState('');
  const [revisedDueOn, setRevisedDueOn] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const sentence = useProblemSentence('desk');
  const id = commitment.commitmentId;

  async function report(chosen: Step) {
    if (chosen === 'delivered' && !evidence.trim()) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.progress(id, {
        status: chosen,
        ...(chosen === 'delivered' ? { evidence: evidence.trim() } : {}),
        ...(chosen === 'slipped' && revisedDueOn ? { revisedDueOn } : {}),
      });
      setStep(undefined);
      onDone();
    } catch (failure) {
      setError(sentence(failure));
    } finally {
      setBusy(false);
    }
  }

  const options = next[commitment.status];
  if (options.length === 0) return null;
  if (step === 'delivered' || step === 'slipped') {
    return (
      <div data-testid={`desk-progress-${id}`}>
        {error !== undefined && <ErrorCard error={error} />}
        {step === 'delivered' ? (
          <TextInput
            label={t('desk.commitments.evidence')}
            data-testid={`desk-evidence-${id}`}
            value={evidence}
            onChange={(e) => (setEvidence(e.target.value), setMissing(false))}
            error={missing ? t('desk.required') : undefined}
          />
        ) : (
          <DateInput
            label={t('desk.commitments.revisedDueOn')}
            data-testid={`desk-revised-${id}`}
            value={revisedDueOn}
            onChange={setRevisedDueOn}
          />
        )}
        <div className="hg-form__row">
          <Button busy={busy} data-testid={`desk-progress-confirm-${id}`} onClick={() => report(step)}>
            {t('desk.confirm')}
          </Button>
          <Button variant="secondary" onClick={() => setStep(undefined)}>
            {t('desk.cancel')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="hg-form__row">
      {error !== undefined && <ErrorCard error={error} />}
      {options.map(({ step: s, label }) => (
        <Button
          key={s}
          variant={s === 'slipped' ? 'secondary' : 'primary'}
          busy={busy}
          data-testid={`desk-progress-${s}-${id}`}
          onClick={() => (s === 'in-progress' ? report(s) : setStep(s))}
        >
          {t(label)}
        </Button>
      ))}
    </div>
  );
}

/** Declares a commitment against one of a neighbourhood's published priorities (or none, which the board shows as unlinked). */
function DeclareForm({ priorities, onDeclared }: { priorities: NeighbourhoodPriorities[]; onDeclared: () => void }) {
  const { api } = useDesk();
  const { t, localize } = useI18n();
  const [neighbourhoodId, setNeighbourhoodId] = useState(priorities[0]?.neighbourhoodId ?? '');
  const [answers, setAnswers] = useState<NeedCategory | ''>('');
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(today(90));
  const [errors, setErrors] = useState<{ title?: string; neighbourhood?: string }>({});
  const [apiError, setApiError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const sentence = useProblemSentence('desk');
  const chosen = priorities.find((p) => p.neighbourhoodId === neighbourhoodId);

  async function submit() {
    const found = {
      title: title.trim().length >= 3 ? undefined : t('desk.commitments.titleTooShort'),
      neighbourhood: /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(neighbourhoodId) ? undefined : t('desk.required'),
    };
    setErrors(found);
    if (found.title || found.neighbourhood) return;
    setSaving(true);
    setApiError(undefined);
    try {
      await api.declare({ neighbourhoodId, answers: answers || null, title: title.trim(), dueOn });
      setTitle('');
      onDeclared();
    } catch (error) {
      setApiError(sentence(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={t('desk.commitments.declare')} testId="desk-declare">
      <Form onSubmit={submit} error={apiError} testId="desk-declare-form">
        <div className="hg-form__row">
          {priorities.length > 0 ? (
            <Select
              label={t('desk.commitments.neighbourhood')}
              data-testid="desk-declare-neighbourhood"
              value={neighbourhoodId}
              onChange={(e) => (setNeighbourhoodId(e.target.value), setAnswers(''))}
              options={priorities.map((p) => ({ value: p.neighbourhoodId, label: localize(p.neighbourhoodName) }))}
            />
          ) : (
            <TextInput
              label={t('desk.commitments.neighbourhoodId')}
              dir="ltr"
              data-testid="desk-declare-neighbourhood"
              value={neighbourhoodId}
              onChange={(e) => setNeighbourhoodId(e.target.value.trim())}
              error={errors.neighbourhood}
            />
          )}
          <Select
            label={t('desk.commitments.answers')}
            data-testid="desk-declare-answers"
            value={answers}
            onChange={(e) => setAnswers(e.target.value as NeedCategory | '')}
            options={[
              { value: '', label: t('desk.commitments.noPriority') },
              ...(chosen?.priorities ?? []).map((p) => ({
                value: p.category,
                label: t('desk.commitments.rank', { rank: p.rank, category: t(`desk.need.${p.category}`) }),
              })),
            ]}
          />
        </div>
        {priorities.length === 0 && <p className="hg-muted">{t('desk.commitments.noPriorities')}</p>}
        <TextInput
          label={t('desk.commitments.declareTitle')}
          data-testid="desk-declare-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.title}
        />
        <DateInput label={t('desk.commitments.dueOn')} data-testid="desk-declare-due" value={dueOn} onChange={setDueOn} />
        <Button type="submit" busy={saving} data-testid="desk-declare-submit">
          {t('desk.commitments.declareSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
