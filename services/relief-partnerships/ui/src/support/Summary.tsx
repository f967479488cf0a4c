import { Badge, Card, Code, useI18n } from '@hamgam/ui-kit';
import type { SupportRequestPage } from '../api';
import { StatusBadge, useNeighbourhood, useRials } from '../common';

/** The request by its number (and its referral's tracking code), where, what it asks and what was decided; no resident or household id. */
export function Summary({ request }: { request: SupportRequestPage }) {
  const { t, lookup } = useI18n();
  const nbh = useNeighbourhood();
  const rials = useRials();
  return (
    <Card
      title={
        <>
          {t(`relief.kind.${request.kind}`)} · <Code testId="support-page-number">{request.requestNumber}</Code>
        </>
      }
      actions={<StatusBadge status={request.status} testId="support-page-status" />}
    >
      {request.unverified && (
        <p>
          <Badge tone="warning" testId="support-page-unverified">
            {t('relief.unverified')}
          </Badge>
        </p>
      )}
      <dl className="hg-dl">
        {request.trackingCode && (
          <>
            <dt>{t('relief.trackingCode')}</dt>
            <dd>
              <Code testId="support-page-tracking">{request.trackingCode}</Code>
            </dd>
          </>
        )}
        <dt>{t('relief.projects.neighbourhood')}</dt>
        <dd>{nbh(request.neighbourhoodId)}</dd>
        <dt>{t('relief.purpose')}</dt>
        <dd>{lookup(`relief.purpose.${request.purpose}`) ?? request.purpose}</dd>
        <dt>{t('relief.requested')}</dt>
        <dd data-testid="support-page-requested">{rials(request.requestedRials)}</dd>
        <dt>{t('relief.new.plan')}</dt>
        <dd>{request.businessPlan}</dd>
        {request.decision && (
          <>
            <dt>{t('relief.page.decide')}</dt>
            <dd data-testid="support-page-decision">
              {t(`relief.status.${request.decision.decision}`)} · {rials(request.decision.amountRials)}
              {request.decision.reason ? ` · ${request.decision.reason}` : ''}
            </dd>
          </>
        )}
      </dl>
    </Card>
  );
}
