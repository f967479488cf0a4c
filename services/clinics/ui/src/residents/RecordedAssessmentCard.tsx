import { ApiError, Card, DataTable, ErrorCard, Loading, useApiQuery, useI18n, type LocalizedText } from '@hamgam/ui-kit';
import { useResidentsApi, type Answer, type Question } from './api';

interface Props {
  householdId: string;
  categoryLabels: ReadonlyMap<string, LocalizedText>;
}

/**
 * What was recorded for the household, as it was recorded: each need with its severity and every question
 * with its answer (after a submission, the worker sees what went in; later, anyone who may see the household).
 */
export function RecordedAssessmentCard({ householdId, categoryLabels }: Props) {
  const api = useResidentsApi();
  const { t, localize, formatNumber, formatDate } = useI18n();
  const recorded = useApiQuery(['clinics', 'household', householdId, 'assessment'], () =>
    api
      .assessment(householdId)
      .catch((error: unknown) => (error instanceof ApiError && error.status === 404 ? null : Promise.reject(error))),
  );
  const questionnaire = useApiQuery(['clinics', 'questionnaire'], () => api.questionnaire(), { staleTime: 3_600_000 });
  if (recorded.error || questionnaire.error)
    return <ErrorCard error={recorded.error ?? questionnaire.error} onRetry={() => (recorded.reload(), questionnaire.reload())} />;
  if (recorded.data === undefined || !questionnaire.data) return <Loading />;
  if (recorded.data === null) return null;
  const { needs, answers, createdAt } = recorded.data;
  const questions = new Map<string, Question>(questionnaire.data.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const answerText = (q: Question | undefined, a: Answer) => {
    if (typeof a === 'boolean') return a ? t('questionnaire.answerYes') : t('questionnaire.answerNo');
    if (typeof a === 'number') return formatNumber(a);
    const option = q?.options?.find((o) => o.id === a);
    return option ? localize(option.label) : a;
  };
  const rows = needs.map((need) => ({
    need,
    answered: questionnaire.data.find((s) => s.category === need.category)?.questions.filter((q) => answers[q.id] !== undefined) ?? [],
  }));
  return (
    <Card title={t('questionnaire.recorded')} testId="recorded-assessment">
      <p>{t('questionnaire.recordedOn', { date: formatDate(createdAt) })}</p>
      <DataTable
        testId="recorded-needs"
        rows={rows}
        rowKey={(r) => r.need.category}
        rowTestId={(r) => `recorded-${r.need.category}`}
        columns={[
          {
            key: 'need',
            header: t('clinics.assessments.needs'),
            render: (r) => {
              const label = categoryLabels.get(r.need.category);
              return `${label ? localize(label) : r.need.category} — ${t('questionnaire.severity')} ${formatNumber(r.need.severity)}`;
            },
          },
          {
            key: 'answers',
            header: t('questionnaire.title'),
            render: (r) => (
              <ul className="hg-plain-list">
                {r.answered.map((q) => (
                  <li key={q.id} data-testid={`recorded-answer-${q.id}`}>
                    {localize(q.label)}: <strong>{answerText(questions.get(q.id), answers[q.id]!)}</strong>
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </Card>
  );
}
