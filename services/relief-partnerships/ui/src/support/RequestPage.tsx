import { ErrorCard, Loading, useAsync, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
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
  const data = useAsync(() => api.request(requestId), [api, requestId]);
  const [page, setPage] = useState<SupportRequestPage>();
  if (data.error) return <ErrorCard error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const request = page && page.requestId === requestId ? page : data.data;
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
