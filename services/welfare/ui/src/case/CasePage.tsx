import { ErrorCard, Loading, useApiQuery, useI18n, useQueryClient } from '@hamgam/ui-kit';
import { Link, useParams } from 'react-router-dom';
import { useWelfareApi, type CaseView } from '../api';
import { AssessmentPart } from './AssessmentPart';
import { CaseFacts } from './CaseFacts';
import { CaseHistory } from './CaseHistory';
import { ClosePart } from './ClosePart';
import { FlagsPart } from './FlagsPart';
import { PlanPart } from './PlanPart';
import { ReopenPart } from './ReopenPart';
import { VisitsPart } from './VisitsPart';

/** One case of the worker's caseload: facts, assessment, plan, visits, flags, closure and history. */
export function CasePage({ base }: { base: string }) {
  const { caseId = '' } = useParams();
  const api = useWelfareApi();
  const { t } = useI18n();
  const client = useQueryClient();
  const loaded = useApiQuery(['welfare', 'case', caseId], () => api.get(caseId), { module: 'welfare' });
  // A change answers with the whole case: it becomes the cached case, and the caseload is read again.
  const setCase = (changed: CaseView) => {
    client.setQueryData(['welfare', 'case', changed.caseId], changed);
    void client.invalidateQueries({ queryKey: ['welfare', 'caseload'] });
  };
  const c = loaded.data;

  if (loaded.error) return <ErrorCard error={loaded.error} onRetry={loaded.reload} />;
  if (!c) return <Loading />;
  const closed = c.state === 'closed';
  return (
    <>
      <p>
        <Link to={base} data-testid="welfare-back">
          {t('welfare.case.back')}
        </Link>
      </p>
      <CaseFacts c={c} />
      <AssessmentPart c={c} setCase={setCase} />
      <PlanPart c={c} setCase={setCase} />
      <VisitsPart c={c} setCase={setCase} />
      <FlagsPart c={c} setCase={setCase} />
      {closed ? <ReopenPart c={c} setCase={setCase} /> : <ClosePart c={c} setCase={setCase} />}
      <CaseHistory c={c} />
    </>
  );
}
