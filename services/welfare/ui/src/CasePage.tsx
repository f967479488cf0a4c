import { today } from '@hamgam/contracts/days';
import {
  Badge,
  Button,
  Card,
  Code,
  DateInput,
  ErrorCard,
  Form,
  Loading,
  NumberInput,
  Select,
  TextInput,
  useAction,
  useAsync,
  useI18n,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  closureReasons,
  disabilityLevels,
  housingConditions,
  incomeLevels,
  useWelfareApi,
  type AssessmentAnswers,
  type CaseView,
  type ClosureReason,
  type EligibilityFlag,
} from './api';
import { LevelBadge, StateBadge, useNeighbourhoodName } from './parts';
import { useProblemSentence } from './problems';

/** Runs one change of the case and shows the case as the API answers it (or the refusal, in the worker's language). */
function useChange(setCase: (c: CaseView) => void) {
  const action = useAction<CaseView>(setCase);
  const sentence = useProblemSentence();
  return { ...action, error: sentence(action.error) };
}

interface PartProps {
  c: CaseView;
  setCase: (c: CaseView) => void;
}

/** One case of the worker's caseload: facts, assessment, plan, visits, flags, closure and history. */
export function CasePage({ base }: { base: string }) {
  const { caseId = '' } = useParams();
  const api = useWelfareApi();
  const { t, formatDate } = useI18n();
  const nameOf = useNeighbourhoodName();
  const loaded = useAsync(() => api.get(caseId), [api, caseId]);
  const sentence = useProblemSentence();
  // The case as the last change answered it, else as loaded.
  const [changed, setCase] = useState<CaseView>();
  const c = changed?.caseId === caseId ? changed : loaded.data;

  if (loaded.error) return <ErrorCard error={sentence(loaded.error)} onRetry={loaded.reload} />;
  if (!c) return <Loading />;
  const closed = c.state === 'closed';
  return (
    <>
      <p>
        <Link to={base} data-testid="welfare-back">
          {t('welfare.case.back')}
        </Link>
      </p>
      <Card title={t('welfare.case.title')} testId="welfare-case">
        <dl className="hg-dl">
          <dt>{t('welfare.case.household')}</dt>
          <dd>
            <Code testId="welfare-case-household">{c.householdRef}</Code>{' '}
            {c.unverified && (
              <Badge tone="warning" testId="welfare-case-unverified">
                {t('welfare.case.unverified')}
              </Badge>
            )}
          </dd>
          <dt>{t('welfare.case.neighbourhood')}</dt>
          <dd>{nameOf(c.neighbourhoodId)}</dd>
          <dt>{t('welfare.case.state')}</dt>
          <dd>
            <StateBadge state={c.state} testId="welfare-case-state" />
          </dd>
          <dt>{t('welfare.case.level')}</dt>
          <dd>
            <LevelBadge level={c.level} testId="welfare-case-level" />
          </dd>
          <dt>{t('welfare.case.opened')}</dt>
          <dd>{formatDate(c.openedAt)}</dd>
          {c.referral && (
            <>
              <dt>{t('welfare.case.referral')}</dt>
              <dd data-testid="welfare-case-referral">
                {c.referral.trackingCode && <Code>{c.referral.trackingCode}</Code>} {t(`welfare.referral.${c.referral.state}`)}
                {c.referral.outcome && ` (${t(`welfare.outcome.${c.referral.outcome}`)})`}
              </dd>
            </>
          )}
          {c.closure && (
            <>
              <dt>{t('welfare.case.closure')}</dt>
              <dd data-testid="welfare-case-closure">
                {t(`welfare.closure.${c.closure.reason}`)} — {formatDate(c.closure.at)}
              </dd>
            </>
          )}
          {c.reopenReason && (
            <>
              <dt>{t('welfare.case.reopenReason')}</dt>
              <dd>{c.reopenReason}</dd>
            </>
          )}
        </dl>
      </Card>
      <AssessmentPart c={c} setCase={setCase} />
      <PlanPart c={c} setCase={setCase} />
      <VisitsPart c={c} setCase={setCase} />
      <FlagsPart c={c} setCase={setCase} />
      {closed ? <ReopenPart c={c} setCase={setCase} /> : <ClosePart c={c} setCase={setCase} />}
      <Card title={t('welfare.history.title')} testId="welfare-history">
        <ol>
          {c.history.map((h, i) => (
            <li key={i}>
              {formatDate(h.at)} — {t(`welfare.action.${h.action}`)} <small className="hg-muted">({h.by})</small>
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}

const emptyAnswers: AssessmentAnswers = {
  income: { level: 'sufficient', mainEarnerMonthsUnemployed: 0 },
  housing: { condition: 'adequate' },
  health: { disability: 'none', chronicIllness: false },
  household: { members: 1, dependants: 0, earners: 1, femaleHeaded: false },
};

function AssessmentPart({ c, setCase }: PartProps) {
  const api = useWelfareApi();
  const { t, formatNumber } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const start = c.assessment?.answers ?? emptyAnswers;
  const [a, setA] = useState(start);
  const [numbers, setNumbers] = useState({
    months: String(start.income.mainEarnerMonthsUnemployed),
    members: String(start.household.members),
    dependants: String(start.household.dependants),
    earners: String(start.household.earners),
  });
  const [editing, setEditing] = useState(c.assessment === null);
  const [invalid, setInvalid] = useState(false);
  const result = c.assessment?.result;
  const closed = c.state === 'closed';

  async function submit() {
    const n = {
      months: Number(numbers.months),
      members: Number(numbers.members),
      dependants: Number(numbers.dependants),
      earners: Number(numbers.earners),
    };
    if (
      numbers.members === '' ||
      n.members < 1 ||
      n.dependants > n.members ||
      n.earners > n.members ||
      n.dependants + n.earners > n.members
    ) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const answers: AssessmentAnswers = {
      income: { level: a.income.level, mainEarnerMonthsUnemployed: n.months },
      housing: a.housing,
      health: a.health,
      household: { members: n.members, dependants: n.dependants, earners: n.earners, femaleHeaded: a.household.femaleHeaded },
    };
    if (await run(() => api.assess(c.caseId, answers))) setEditing(false);
  }

  return (
    <Card title={t('welfare.assessment.title')} testId="welfare-assessment">
      {result && (
        <p data-testid="welfare-assessment-result">
          <LevelBadge level={result.level} testId="welfare-assessment-level" />{' '}
          {t('welfare.assessment.score', { total: formatNumber(result.total) })} —{' '}
          {(['income', 'housing', 'health', 'household'] as const)
            .map((d) => `${t(`welfare.assessment.${d}`)} ${formatNumber(result.scores[d])}`)
            .join('، ')}
        </p>
      )}
      {!editing && !closed && (
        <Button variant="secondary" data-testid="welfare-assessment-edit" onClick={() => setEditing(true)}>
          {t('welfare.assessment.repeat')}
        </Button>
      )}
      {editing && !closed && (
        <Form onSubmit={submit} error={error} testId="welfare-assessment-form">
          <div className="hg-form__row">
            <Select
              label={t('welfare.assessment.income')}
              data-testid="welfare-assess-income"
              value={a.income.level}
              onChange={(e) => setA({ ...a, income: { ...a.income, level: e.target.value as AssessmentAnswers['income']['level'] } })}
              options={incomeLevels.map((v) => ({ value: v, label: t(`welfare.income.${v}`) }))}
            />
            <NumberInput
              label={t('welfare.assessment.monthsUnemployed')}
              data-testid="welfare-assess-months"
              value={numbers.months}
              onValueChange={(v) => setNumbers({ ...numbers, months: v })}
            />
            <Select
              label={t('welfare.assessment.housing')}
              data-testid="welfare-assess-housing"
              value={a.housing.condition}
              onChange={(e) => setA({ ...a, housing: { condition: e.target.value as AssessmentAnswers['housing']['condition'] } })}
              options={housingConditions.map((v) => ({ value: v, label: t(`welfare.housing.${v}`) }))}
            />
          </div>
          <div className="hg-form__row">
            <Select
              label={t('welfare.assessment.disability')}
              data-testid="welfare-assess-disability"
              value={a.health.disability}
              onChange={(e) =>
                setA({ ...a, health: { ...a.health, disability: e.target.value as AssessmentAnswers['health']['disability'] } })
              }
              options={disabilityLevels.map((v) => ({ value: v, label: t(`welfare.disability.${v}`) }))}
            />
            <label className="hg-field">
              <span className="hg-field__label">{t('welfare.assessment.chronicIllness')}</span>
              <input
                type="checkbox"
                data-testid="welfare-assess-chronic"
                checked={a.health.chronicIllness}
                onChange={(e) => setA({ ...a, health: { ...a.health, chronicIllness: e.target.checked } })}
              />
            </label>
            <label className="hg-field">
              <span className="hg-field__label">{t('welfare.assessment.femaleHeaded')}</span>
              <input
                type="checkbox"
                data-testid="welfare-assess-female-headed"
                checked={a.household.femaleHeaded}
                onChange={(e) => setA({ ...a, household: { ...a.household, femaleHeaded: e.target.checked } })}
              />
            </label>
          </div>
          <div className="hg-form__row">
            <NumberInput
              label={t('welfare.assessment.members')}
              data-testid="welfare-assess-members"
              value={numbers.members}
              onValueChange={(v) => setNumbers({ ...numbers, members: v })}
            />
            <NumberInput
              label={t('welfare.assessment.dependants')}
              data-testid="welfare-assess-dependants"
              value={numbers.dependants}
              onValueChange={(v) => setNumbers({ ...numbers, dependants: v })}
            />
            <NumberInput
              label={t('welfare.assessment.earners')}
              data-testid="welfare-assess-earners"
              value={numbers.earners}
              onValueChange={(v) => setNumbers({ ...numbers, earners: v })}
            />
          </div>
          {invalid && (
            <p className="hg-field__error" data-testid="welfare-assess-invalid">
              {t('welfare.assessment.invalid')}
            </p>
          )}
          <Button type="submit" busy={busy} data-testid="welfare-assess-submit">
            {t('welfare.assessment.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function PlanPart({ c, setCase }: PartProps) {
  const api = useWelfareApi();
  const { t, formatDate } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const [text, setText] = useState('');
  const canPlan = c.state !== 'closed' && c.state !== 'opened';
  const canMark = c.state === 'planned' || c.state === 'in-follow-up';

  async function addGoal() {
    if (!text.trim()) return;
    if (await run(() => api.addGoal(c.caseId, text.trim()))) setText('');
  }

  return (
    <Card title={t('welfare.plan.title')} testId="welfare-plan">
      {error !== undefined && <ErrorCard error={error} />}
      {c.state === 'opened' && <p className="hg-muted">{t('welfare.plan.assessFirst')}</p>}
      {c.goals.length === 0 && c.state !== 'opened' && <p className="hg-empty">{t('welfare.plan.empty')}</p>}
      <ul>
        {c.goals.map((g) => (
          <li key={g.goalId} data-testid={`welfare-goal-${g.goalId}`}>
            <label>
              <input
                type="checkbox"
                data-testid={`welfare-goal-met-${g.goalId}`}
                checked={g.met}
                disabled={!canMark || busy}
                onChange={(e) => run(() => api.markGoal(c.caseId, g.goalId, e.target.checked))}
              />{' '}
              <strong>{g.text}</strong> {g.met && <Badge tone="success">{t('welfare.plan.met')}</Badge>}
            </label>
            <ul>
              {g.tasks.map((task) => (
                <li key={task.taskId} data-testid={`welfare-task-${task.taskId}`}>
                  <label>
                    <input
                      type="checkbox"
                      data-testid={`welfare-task-done-${task.taskId}`}
                      checked={task.done}
                      disabled={!canMark || busy}
                      onChange={(e) => run(() => api.markTask(c.caseId, task.taskId, e.target.checked))}
                    />{' '}
                    {task.text} — {t('welfare.plan.due', { date: formatDate(task.dueOn) })}
                  </label>{' '}
                  {task.overdue && (
                    <Badge tone="danger" testId={`welfare-task-overdue-${task.taskId}`}>
                      {t('welfare.overdue')}
                    </Badge>
                  )}
                </li>
              ))}
            </ul>
            {canMark && <TaskForm c={c} goalId={g.goalId} setCase={setCase} />}
          </li>
        ))}
      </ul>
      {canPlan && (
        <Form onSubmit={addGoal} testId="welfare-goal-form">
          <div className="hg-form__row">
            <TextInput
              label={t('welfare.plan.goal')}
              data-testid="welfare-goal-text"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <Button type="submit" busy={busy} data-testid="welfare-goal-submit">
              {t('welfare.plan.addGoal')}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}

function TaskForm({ c, goalId, setCase }: PartProps & { goalId: string }) {
  const api = useWelfareApi();
  const { t } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const [text, setText] = useState('');
  const [dueOn, setDueOn] = useState(today(14));
  async function submit() {
    if (!text.trim()) return;
    if (await run(() => api.addTask(c.caseId, goalId, { text: text.trim(), dueOn }))) setText('');
  }
  return (
    <Form onSubmit={submit} error={error} testId={`welfare-task-form-${goalId}`}>
      <div className="hg-form__row">
        <TextInput
          label={t('welfare.plan.task')}
          data-testid={`welfare-task-text-${goalId}`}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <DateInput label={t('welfare.plan.dueOn')} data-testid={`welfare-task-due-${goalId}`} value={dueOn} onChange={setDueOn} />
        <Button type="submit" variant="secondary" busy={busy} data-testid={`welfare-task-submit-${goalId}`}>
          {t('welfare.plan.addTask')}
        </Button>
      </div>
    </Form>
  );
}

function VisitsPart({ c, setCase }: PartProps) {
  const api = useWelfareApi();
  const { t, formatDate } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const [visitedOn, setVisitedOn] = useState(today());
  const [notes, setNotes] = useState('');
  const [nextVisitOn, setNextVisitOn] = useState(today(30));
  const [missing, setMissing] = useState(false);
  const canVisit = c.state === 'planned' || c.state === 'in-follow-up';

  async function submit() {
    if (!notes.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    if (await run(() => api.visit(c.caseId, { visitedOn, notes: notes.trim(), nextVisitOn: nextVisitOn || null }))) setNotes('');
  }

  return (
    <Card title={t('welfare.visits.title')} testId="welfare-visits">
      {c.visitOverdue && (
        <Badge tone="danger" testId="welfare-visit-overdue">
          {t('welfare.case.visitOverdue')}
        </Badge>
      )}
      {c.visits.length === 0 ? (
        <p className="hg-empty">{canVisit ? t('welfare.visits.empty') : t('welfare.visits.planFirst')}</p>
      ) : (
        <ul>
          {[...c.visits].reverse().map((v) => (
            <li key={v.visitId} data-testid={`welfare-visit-${v.visitId}`}>
              <strong>{formatDate(v.visitedOn)}</strong>: {v.notes}
              {v.nextVisitOn && <small> — {t('welfare.case.nextVisit', { date: formatDate(v.nextVisitOn) })}</small>}
            </li>
          ))}
        </ul>
      )}
      {canVisit && (
        <Form onSubmit={submit} error={error} testId="welfare-visit-form">
          <div className="hg-form__row">
            <DateInput label={t('welfare.visits.date')} data-testid="welfare-visit-date" value={visitedOn} onChange={setVisitedOn} />
            <DateInput label={t('welfare.visits.next')} data-testid="welfare-visit-next" value={nextVisitOn} onChange={setNextVisitOn} />
          </div>
          <TextInput
            label={t('welfare.visits.notes')}
            data-testid="welfare-visit-notes"
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            error={missing ? t('welfare.required') : undefined}
          />
          <Button type="submit" busy={busy} data-testid="welfare-visit-submit">
            {t('welfare.visits.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function FlagsPart({ c, setCase }: PartProps) {
  const api = useWelfareApi();
  const { t, formatDate } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const suggested = (c.assessment?.result.suggestedFlags ?? []).filter((f) => !c.flags.some((held) => held.flag === f && held.active));
  const [flag, setFlag] = useState<EligibilityFlag | ''>('');
  const [validUntil, setValidUntil] = useState(today(180));
  const chosen = flag || suggested[0];

  return (
    <Card title={t('welfare.flags.title')} testId="welfare-flags">
      <p className="hg-muted">{t('welfare.flags.explain')}</p>
      {error !== undefined && <ErrorCard error={error} />}
      {c.flags.length === 0 ? (
        <p className="hg-empty">{t('welfare.flags.empty')}</p>
      ) : (
        <ul>
          {c.flags.map((f) => (
            <li key={f.flagId} data-testid={`welfare-flag-${f.flagId}`}>
              {t(`welfare.flag.${f.flag}`)} — {t('welfare.flags.until', { date: formatDate(f.validUntil) })}{' '}
              <Badge tone={f.active ? 'success' : 'neutral'} testId={`welfare-flag-status-${f.flagId}`}>
                {t(f.revokedAt ? 'welfare.flags.revoked' : f.active ? 'welfare.flags.active' : 'welfare.flags.expired')}
              </Badge>{' '}
              {!f.revokedAt && (
                <Button
                  variant="secondary"
                  busy={busy}
                  data-testid={`welfare-flag-revoke-${f.flagId}`}
                  onClick={() => run(() => api.revoke(c.caseId, f.flagId))}
                >
                  {t('welfare.flags.revoke')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {c.state !== 'closed' && c.assessment && suggested.length > 0 && chosen && (
        <Form onSubmit={() => run(() => api.flag(c.caseId, chosen, validUntil))} testId="welfare-flag-form">
          <div className="hg-form__row">
            <Select
              label={t('welfare.flags.flag')}
              data-testid="welfare-flag-select"
              value={chosen}
              onChange={(e) => setFlag(e.target.value as EligibilityFlag)}
              options={suggested.map((f) => ({ value: f, label: t(`welfare.flag.${f}`) }))}
            />
            <DateInput label={t('welfare.flags.validUntil')} data-testid="welfare-flag-until" value={validUntil} onChange={setValidUntil} />
          </div>
          <Button type="submit" busy={busy} data-testid="welfare-flag-submit">
            {t('welfare.flags.confirm')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function ClosePart({ c, setCase }: PartProps) {
  const api = useWelfareApi();
  const { t } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const [reason, setReason] = useState<ClosureReason>('goals-met');
  return (
    <Card title={t('welfare.close.title')} testId="welfare-close">
      <Form onSubmit={() => run(() => api.close(c.caseId, reason))} error={error} testId="welfare-close-form">
        <div className="hg-form__row">
          <Select
            label={t('welfare.close.reason')}
            data-testid="welfare-close-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value as ClosureReason)}
            options={closureReasons.map((r) => ({ value: r, label: t(`welfare.closure.${r}`) }))}
          />
          <Button type="submit" busy={busy} data-testid="welfare-close-submit">
            {t('welfare.close.submit')}
          </Button>
        </div>
        {c.referralId && <p className="hg-muted">{t('welfare.close.referralNote')}</p>}
      </Form>
    </Card>
  );
}

function ReopenPart({ c, setCase }: PartProps) {
  const api = useWelfareApi();
  const { t } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  async function submit() {
    if (reason.trim().length < 3) {
      setMissing(true);
      return;
    }
    setMissing(false);
    await run(() => api.reopen(c.caseId, reason.trim()));
  }
  return (
    <Card title={t('welfare.reopen.title')} testId="welfare-reopen">
      <Form onSubmit={submit} error={error} testId="welfare-reopen-form">
        <TextInput
          label={t('welfare.reopen.reason')}
          data-testid="welfare-reopen-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={missing ? t('welfare.required') : undefined}
        />
        <Button type="submit" busy={busy} data-testid="welfare-reopen-submit">
          {t('welfare.reopen.submit')}
        </Button>
      </Form>
    </Card>
  );
}
