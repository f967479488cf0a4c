import {
  ApiError,
  Button,
  Card,
  ErrorCard,
  Form,
  Loading,
  NumberInput,
  problemField,
  Select,
  useApiMutation,
  useApiQuery,
  useI18n,
  useQueryClient,
  type LocalizedText,
  type MessageKey,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { useResidentsApi, type Answer, type Draft, type Question, type QuestionnaireSection } from './api';

interface Props {
  householdId: string;
  categoryLabels: ReadonlyMap<string, LocalizedText>;
  onSubmitted: () => void;
}

const SEVERITIES = [0, 1, 2, 3, 4, 5];
type Kind = 'save' | 'submit' | 'discard';
const problemCode = (error: unknown) => (error instanceof ApiError ? error.problem['code'] : undefined);

/** The household's needs questionnaire: a severity per need and its questions; save a draft, resume it later, submit it. */
export function QuestionnaireCard({ householdId, categoryLabels, onSubmitted }: Props) {
  const api = useResidentsApi();
  const questionnaire = useApiQuery(['clinics', 'questionnaire'], () => api.questionnaire(), { staleTime: 3_600_000 });
  const saved = useApiQuery<Draft | null>(['clinics', 'household', householdId, 'draft'], () =>
    api.draft(householdId).catch((error: unknown) => (error instanceof ApiError && error.status === 404 ? null : Promise.reject(error))),
  );
  if (questionnaire.error || saved.error)
    return <ErrorCard error={questionnaire.error ?? saved.error} onRetry={() => (questionnaire.reload(), saved.reload())} />;
  if (!questionnaire.data || saved.data === undefined) return <Loading />;
  return (
    <QuestionnaireForm
      key={saved.data?.savedAt ?? 'new'}
      householdId={householdId}
      sections={questionnaire.data}
      resumed={saved.data}
      categoryLabels={categoryLabels}
      onSubmitted={onSubmitted}
    />
  );
}

function QuestionnaireForm({
  householdId,
  sections,
  resumed,
  categoryLabels,
  onSubmitted,
}: Props & { sections: QuestionnaireSection[]; resumed: Draft | null }) {
  const api = useResidentsApi();
  const queries = useQueryClient();
  const { t, localize, formatNumber, formatDate, formatList } = useI18n();
  const [severities, setSeverities] = useState<Record<string, number>>(() =>
    Object.fromEntries((resumed?.needs ?? []).map((n) => [n.category, n.severity])),
  );
  const [answers, setAnswers] = useState<Record<string, Answer>>(() => resumed?.answers ?? {});
  const [notice, setNotice] = useState<{ key: MessageKey; testId: string; date?: string } | undefined>(() =>
    resumed ? { key: 'questionnaire.resumed', testId: 'draft-resumed', date: formatDate(resumed.savedAt) } : undefined,
  );
  const [formError, setFormError] = useState<string>();
  // The questions a submission found unanswered (here, or the one the API's refusal names): each shows its error.
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const [hasDraft, setHasDraft] = useState(resumed !== null);

  const needs = sections.map((s) => ({ category: s.category, severity: severities[s.category] ?? 0 })).filter((n) => n.severity > 0);
  const assessed = new Set(needs.map((n) => n.category));
  // Answers of a category without a severity are not kept: the API refuses them on submission.
  const relevantAnswers = Object.fromEntries(
    Object.entries(answers).filter(([id]) => sections.some((s) => assessed.has(s.category) && s.questions.some((q) => q.id === id))),
  );

  // Save, submit (save then record) or discard: one command at a time, its busy kind and its refusal.
  const command = useApiMutation(
    async (kind: Kind) => {
      if (kind === 'discard') await api.discardDraft(householdId);
      else {
        await api.saveDraft(householdId, { needs, answers: relevantAnswers });
        if (kind === 'submit') await api.submitDraft(householdId);
      }
      return kind;
    },
    {
      onSuccess: (kind) => {
        if (kind === 'save') {
          setNotice({ key: 'questionnaire.saved', testId: 'draft-saved' });
          setHasDraft(true);
          return;
        }
        setSeverities({});
        setAnswers({});
        setHasDraft(false);
        setNotice(kind === 'submit' ? { key: 'questionnaire.submitted', testId: 'assessment-submitted' } : undefined);
        if (kind === 'submit') {
          // What was recorded is shown from the service, not from the form: the household's cached reads go stale.
          void queries.invalidateQueries({ queryKey: ['clinics', 'household', householdId, 'assessment'] });
          void queries.invalidateQueries({ queryKey: ['clinics', 'households'] });
          onSubmitted();
        }
      },
    },
  );
  const busy = command.busy ? command.variables : undefined;
  // A refusal naming a question (the API's `field`) is shown at that question, in the user's words.
  const refused = sections.flatMap((s) => s.questions).find((q) => q.id === problemField(command.error));
  const apiError = refused ? undefined : (command.error ?? undefined);
  const missingShown = refused ? new Set([...missing, refused.id]) : missing;
  const formErrorShown =
    formError ??
    (refused
      ? t(problemCode(command.error) === 'assessment-incomplete' ? 'questionnaire.missing' : 'questionnaire.checkAnswer', {
          questions: `«${localize(refused.label)}»`,
        })
      : undefined);

  function run(kind: Kind) {
    setFormError(undefined);
    setMissing(new Set());
    if (kind === 'submit') {
      if (needs.length === 0) return setFormError(t('questionnaire.needsRequired'));
      const unanswered = sections
        .flatMap((s) => (assessed.has(s.category) ? s.questions : []))
        .filter((q) => relevantAnswers[q.id] === undefined);
      if (unanswered.length) {
        setMissing(new Set(unanswered.map((q) => q.id)));
        return setFormError(t('questionnaire.missing', { questions: formatList(unanswered.map((q) => `«${localize(q.label)}»`)) }));
      }
    }
    void command.run(kind);
  }

  const answerControl = (q: Question) => {
    const value = answers[q.id];
    const set = (next: Answer | undefined) => {
      const copy = { ...answers };
      if (next === undefined) delete copy[q.id];
      else copy[q.id] = next;
      setAnswers(copy);
    };
    const label = localize(q.label);
    const error = missingShown.has(q.id) ? t('questionnaire.missingOne') : undefined;
    if (q.kind === 'count') {
      return (
        <NumberInput
          key={q.id}
          label={label}
          data-testid={`q-${q.id}`}
          maxLength={2}
          error={error}
          value={value === undefined ? '' : String(value)}
          onValueChange={(d) => set(d === '' ? undefined : Math.min(Number(d), q.max ?? 99))}
        />
      );
    }
    const options =
      q.kind === 'yes-no'
        ? [
            { value: 'yes', label: t('questionnaire.yes') },
            { value: 'no', label: t('questionnaire.no') },
          ]
        : (q.options ?? []).map((o) => ({ value: o.id, label: localize(o.label) }));
    const current = q.kind === 'yes-no' ? (value === undefined ? '' : value ? 'yes' : 'no') : String(value ?? '');
    return (
      <Select
        key={q.id}
        label={label}
        data-testid={`q-${q.id}`}
        error={error}
        value={current}
        onChange={(e) => set(e.target.value === '' ? undefined : q.kind === 'yes-no' ? e.target.value === 'yes' : e.target.value)}
        options={[{ value: '', label: t('questionnaire.unanswered') }, ...options]}
      />
    );
  };

  return (
    <Card title={t('questionnaire.title')} testId="questionnaire">
      <Form onSubmit={() => void run('submit')} error={apiError} testId="questionnaire-form">
        {sections.map((section) => {
          const label = categoryLabels.get(section.category);
          return (
            <fieldset key={section.category} className="hg-form__row" data-testid={`q-section-${section.category}`}>
              <Select
                label={label ? localize(label) : section.category}
                data-testid={`q-severity-${section.category}`}
                value={String(severities[section.category] ?? 0)}
                onChange={(e) => setSeverities({ ...severities, [section.category]: Number(e.target.value) })}
                options={SEVERITIES.map((s) => ({
                  value: String(s),
                  label: s === 0 ? t('questionnaire.notANeed') : `${t('questionnaire.severity')} ${formatNumber(s)}`,
                }))}
              />
              {assessed.has(section.category) && section.questions.map(answerControl)}
            </fieldset>
          );
        })}
        {formErrorShown && (
          <p className="hg-field__error" role="alert" data-testid="questionnaire-error">
            {formErrorShown}
          </p>
        )}
        {notice && (
          <p role="status" data-testid={notice.testId}>
            {t(notice.key, { date: notice.date ?? '' })}
          </p>
        )}
        <div className="hg-form__row">
          <Button variant="secondary" busy={busy === 'save'} onClick={() => void run('save')} data-testid="save-draft">
            {t('questionnaire.saveDraft')}
          </Button>
          <Button type="submit" busy={busy === 'submit'} data-testid="submit-assessment">
            {t('questionnaire.submit')}
          </Button>
          {hasDraft && (
            <Button variant="secondary" busy={busy === 'discard'} onClick={() => void run('discard')} data-testid="discard-draft">
              {t('questionnaire.discard')}
            </Button>
          )}
        </div>
      </Form>
    </Card>
  );
}
