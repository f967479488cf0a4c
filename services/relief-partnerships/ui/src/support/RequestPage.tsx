import { ErrorCard, Loading, useApiQuery, useI18n, useQueryClient } from '@hamgam/ui-kit';
import { Link, useParams } from 'react-router-dom';
import { useReliefApi, type SupportRequestPage } from '../api';
import { Actions } from './Actions';
import { DuplicateWarning } from './DuplicateWarning';
import { Facts } from './Facts';
import { FollowUps } from './FollowUps';
import { ScheduleCard } from './ScheduleCard';
import { Summary } from './Summary';

/** One request's page: its cards, each showing the request as the last change answered it. */
export function RequestPage({ root }: { root: string }) {
  const { requestId = '' } = useParams();
  const api = useReliefApi();
  const { t } = useI18n();
  const client = useQueryClient();
  const data = useApiQuery(['relief-partnerships', 'request', requestId], () => api.request(requestId), { module: 'relief' });
  // A change answers with the whole request: it becomes the cached one, and the list is read again.
  const setPage = (changed: SupportRequestPage) => {
    client.setQueryData(['relief-partnerships', 'request', changed.requestId], changed);
    void client.invalidateQueries({ queryKey: ['relief-partnerships', 'requests'] });
  };
  if (data.error) return <ErrorCard error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const request = data.data;
  return (
    <>
      <p>
        <Link to={root} data-testid="support-back">
          {t('relief.page.back')}
        </Link>
      </p>
      <Summary request={request} />
      <Facts request={request} />
      {request.priorBenefits.length > 0 && <DuplicateWarning request={request} />}
      <Actions request={request} onChange={setPage} />
      {request.schedule && <ScheduleCard key={request.repayments.length} request={request} onChange={setPage} />}
      {request.disbursement && <FollowUps request={request} onChange={setPage} />}
    </>
  );
}
