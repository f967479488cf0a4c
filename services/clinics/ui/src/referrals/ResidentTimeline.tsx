import { Card, ErrorCard, Loading, useApiQuery, useI18n } from '@hamgam/ui-kit';
import { useReferralsApi, type TimelineEntry } from './api';

/**
 * What happened in a resident's matters, newest first: the clinic's referrals and their steps, and the
 * agencies' outcomes (enrolments and completions, the household's eligibility, support, benefits).
 * Kinds this version has no words for still show, as "<agency> event".
 */
export function ResidentTimeline({ residentId }: { residentId: string }) {
  const api = useReferralsApi();
  const { t, lookup, localize, formatDate, formatNumber } = useI18n();
  const timeline = useApiQuery(['clinics', 'timeline', residentId], () => api.timeline(residentId));

  const headline = (entry: TimelineEntry) => {
    const agency = entry.agencyName ? localize(entry.agencyName) : '';
    return lookup(`timeline.kind.${entry.kind}`, { agency }) ?? t('timeline.kind.other', { agency });
  };
  /** A message for a code the API sends, or the code itself when this version has no words for it yet. */
  const word = (key: string, code: string) => lookup(key) ?? code;
  const detail = (entry: TimelineEntry) =>
    [
      entry.detail.reason && word(`referrals.reason.${entry.detail.reason}`, entry.detail.reason),
      entry.detail.outcome && word(`referrals.outcome.${entry.detail.outcome}`, entry.detail.outcome),
      entry.detail.completeBy && t('referrals.completeBy', { date: formatDate(entry.detail.completeBy) }),
      entry.place && t('timeline.place', { place: localize(entry.place) }),
      entry.detail.result && word(`timeline.result.${entry.detail.result}`, entry.detail.result),
      entry.detail.certificateNo && t('timeline.certificate', { no: entry.detail.certificateNo }),
      entry.detail.decision && word(`timeline.decision.${entry.detail.decision}`, entry.detail.decision),
      entry.detail.amountRials && t('timeline.amount', { amount: formatNumber(Number(entry.detail.amountRials)) }),
      entry.detail.validUntil && t('timeline.validUntil', { date: formatDate(entry.detail.validUntil) }),
      entry.scope === 'household' && t('timeline.household'),
    ].filter(Boolean);

  return (
    <Card title={t('timeline.title')} testId="resident-timeline">
      {timeline.error ? (
        <ErrorCard error={timeline.error} onRetry={timeline.reload} />
      ) : !timeline.data ? (
        <Loading />
      ) : timeline.data.length === 0 ? (
        <p className="hg-empty">{t('timeline.empty')}</p>
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: '1.2rem', display: 'grid', gap: '0.6rem' }}>
          {timeline.data.map((entry, index) => (
            <li key={`${entry.subject.id}-${entry.kind}-${index}`} data-testid={`timeline-${entry.kind}`}>
              <strong>{headline(entry)}</strong> — {localize(entry.title)}
              <div>
                {formatDate(entry.at)}
                {entry.subject.trackingCode && (
                  <>
                    {' · '}
                    <span dir="ltr">{t('timeline.code', { code: entry.subject.trackingCode })}</span>
                  </>
                )}
                {detail(entry).length > 0 && ` · ${detail(entry).join(' · ')}`}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
