import { today } from '@hamgam/contracts/days';
import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  Checkbox,
  type Column,
  DateInput,
  ErrorCard,
  Form,
  ListControls,
  type MessageKey,
  PagedTable,
  Select,
  TextInput,
  useApiMutation,
  useApiQuery,
  useFieldProblem,
  useI18n,
  usePagedQuery,
  useProblemSentence,
  useQueryClient,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { Commitment, NeighbourhoodPriorities } from './api';
import { useDesk } from './context';
import { useFilterInUrl } from './filterInUrl';
import { usePlaces } from './places';
import { commitmentStatuses, type CommitmentStatus, type NeedCategory } from './vocabulary';

/** The commitments' filter as the URL holds it. */
const commitmentFilterSpec = {
  status: ['open', ...commitmentStatuses],
  source: ['agency', 'working-group'],
  neighbourhoodId: 'text',
  overdue: 'flag',
  order: ['asc', 'desc'],
} as const;

const statusTone: Record<CommitmentStatus, BadgeTone> = {
  planned: 'neutral',
  'in-progress': 'info',
  delivered: 'success',
  slipped: 'warning',
};

/** The agency's own declarations and the working group's action items for it, with progress reports: filtered, ordered and paged by the API. */
export function CommitmentsSection() {
  const { api, canAct, service } = useDesk();
  const { t, localize, formatDate } = useI18n();
  const places = usePlaces();
  const client = useQueryClient();
  // In the URL: the home's link (`commitments?overdue=true`) opens the list filtered.
  const [filter, change] = useFilterInUrl(commitmentFilterSpec);
  const commitments = usePagedQuery([service, 'desk', 'commitments', filter], (after) => api.commitments(filter, after), {
    module: 'desk',
  });
  const priorities = useApiQuery([service, 'desk', 'priorities'], () => api.priorities(), { module: 'desk' });
  const reload = () => void client.invalidateQueries({ queryKey: [service, 'desk', 'commitments'] });

  const columns: Column<Commitment>[] = [
    { key: 'title', header: t('desk.commitments.commitment'), render: (c) => c.title },
    {
      key: 'neighbourhood',
      header: t('desk.commitments.neighbourhood'),
      render: (c) => <span data-testid={`desk-commitment-where-${c.commitmentId}`}>{places.neighbourhoodName(c.neighbourhoodId)}</span>,
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
            render: (c: Commitment) => <ProgressActions commitment={c} onDone={reload} />,
          },
        ]
      : []),
  ];

  return (
    <>
      {canAct && priorities.data && <DeclareForm priorities={priorities.data} onDeclared={reload} />}
      <Card title={t('desk.commitments.title')} testId="desk-commitments">
        <ListControls
          testId="desk-commitments-controls"
          sort={{
            value: filter.order ?? 'asc',
            onChange: (order) => change({ order: order === 'asc' ? undefined : (order as 'desc') }),
            options: [
              { value: 'asc', label: t('desk.commitments.sort.soonest') },
              { value: 'desc', label: t('desk.commitments.sort.latest') },
            ],
          }}
          filters={
            <>
              <Select
                label={t('desk.commitments.status')}
                data-testid="desk-commitments-status"
                value={filter.status ?? ''}
                onChange={(e) => change({ status: (e.target.value || undefined) as CommitmentStatus | 'open' | undefined })}
                options={[
                  { value: '', label: t('desk.all') },
                  { value: 'open', label: t('desk.commitments.open') },
                  ...commitmentStatuses.map((s) => ({ value: s, label: t(`desk.commitment.${s}`) })),
                ]}
              />
              <Select
                label={t('desk.commitments.source')}
                data-testid="desk-commitments-source"
                value={filter.source ?? ''}
                onChange={(e) => change({ source: (e.target.value || undefined) as Commitment['source'] | undefined })}
                options={[
                  { value: '', label: t('desk.all') },
                  ...(['agency', 'working-group'] as const).map((s) => ({ value: s, label: t(`desk.commitments.source.${s}`) })),
                ]}
              />
              <Select
                label={t('desk.commitments.neighbourhood')}
                data-testid="desk-commitments-neighbourhood"
                value={filter.neighbourhoodId ?? ''}
                onChange={(e) => change({ neighbourhoodId: e.target.value || undefined })}
                options={[
                  { value: '', label: t('desk.all') },
                  ...places.neighbourhoods.map((n) => ({ value: n.neighbourhoodId, label: localize(n.name) })),
                ]}
              />
              <Checkbox
                label={t('desk.commitments.onlyOverdue')}
                data-testid="desk-commitments-overdue"
                checked={filter.overdue ?? false}
                onCheckedChange={(on) => change({ overdue: on || undefined })}
              />
            </>
          }
        />
        <PagedTable
          testId="desk-commitments-table"
          label={t('desk.commitments.title')}
          paged={commitments}
          columns={columns}
          rowKey={(c) => c.commitmentId}
          rowTestId={(c) => `desk-commitment-${c.commitmentId}`}
          empty={t('desk.commitments.empty')}
        />
      </Card>
    </>
  );
}

type Step = 'in-progress' | 'delivered' | 'slipped';
const next: Record<CommitmentStatus, { step: Step; label: MessageKey }[]> = {
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
interface Declaration {
  neighbourhoodId: string;
  answers: NeedCategory | '';
  title: string;
  dueOn: string;
}

function DeclareForm({ priorities, onDeclared }: { priorities: NeighbourhoodPriorities[]; onDeclared: () => void }) {
  const { api } = useDesk();
  const { t, localize } = useI18n();
  const places = usePlaces();
  const problems = useFieldProblem('desk');
  const form = useForm<Declaration>({
    defaultValues: { neighbourhoodId: priorities[0]?.neighbourhoodId ?? '', answers: '', title: '', dueOn: today(90) },
  });
  const picked = useWatch({ control: form.control, name: 'neighbourhoodId' });
  // Until one is picked, the first neighbourhood with priorities (else the first of the programme) is proposed.
  const neighbourhoodId = picked || places.neighbourhoods[0]?.neighbourhoodId || '';
  const chosen = priorities.find((p) => p.neighbourhoodId === neighbourhoodId);
  const declare = useApiMutation((body: Parameters<typeof api.declare>[0]) => api.declare(body), {
    onSuccess: () => {
      form.setValue('title', '');
      onDeclared();
    },
  });
  const submit = form.handleSubmit((draft) =>
    declare.run({ neighbourhoodId, answers: draft.answers || null, title: draft.title.trim(), dueOn: draft.dueOn }),
  );
  const { errors } = form.formState;

  return (
    <Card title={t('desk.commitments.declare')} testId="desk-declare">
      <Form onSubmit={() => void submit()} error={problems.rest(declare.error, ['dueOn', 'title'])} testId="desk-declare-form">
        <div className="hg-form__row">
          <Select
            label={t('desk.commitments.neighbourhood')}
            data-testid="desk-declare-neighbourhood"
            value={neighbourhoodId}
            onChange={(e) => (form.setValue('neighbourhoodId', e.target.value), form.setValue('answers', ''))}
            options={places.neighbourhoods.map((n) => ({ value: n.neighbourhoodId, label: localize(n.name) }))}
          />
          <Select
            label={t('desk.commitments.answers')}
            data-testid="desk-declare-answers"
            {...form.register('answers')}
            options={[
              { value: '', label: t('desk.commitments.noPriority') },
              ...(chosen?.priorities ?? []).map((p) => ({
                value: p.category,
                label: t('desk.commitments.rank', { rank: p.rank, category: t(`desk.need.${p.category}`) }),
              })),
            ]}
          />
        </div>
        {!chosen && <p className="hg-muted">{t('desk.commitments.noPriorities')}</p>}
        <TextInput
          label={t('desk.commitments.declareTitle')}
          data-testid="desk-declare-title"
          {...form.register('title', { validate: (v) => v.trim().length >= 3 || t('desk.commitments.titleTooShort') })}
          error={errors.title?.message ?? problems.of(declare.error, 'title')}
        />
        <Controller
          control={form.control}
          name="dueOn"
          render={({ field }) => (
            <DateInput
              label={t('desk.commitments.dueOn')}
              data-testid="desk-declare-due"
              value={field.value}
              onChange={field.onChange}
              error={problems.of(declare.error, 'dueOn')}
            />
          )}
        />
        <Button type="submit" busy={declare.busy} data-testid="desk-declare-submit">
          {t('desk.commitments.declareSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
