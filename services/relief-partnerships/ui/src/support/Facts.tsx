import { Badge, Card, useI18n } from '@hamgam/ui-kit';
import type { SupportRequestPage } from '../api';
import { useTradeName } from '../common';

/** The facts the request is judged on (TVTO's certificates, welfare's flags) and today's answer with its reasons. */
export function Facts({ request }: { request: SupportRequestPage }) {
  const { t, lookup, formatDate } = useI18n();
  const tradeName = useTradeName();
  const { eligible, reasons } = request.eligibleToday;
  return (
    <Card
      title={t('relief.page.facts')}
      testId="support-facts"
      actions={
        <Badge tone={eligible ? 'success' : 'warning'} testId="support-eligible-today">
          {t(eligible ? 'relief.page.eligibleToday' : 'relief.page.notEligibleToday')}
        </Badge>
      }
    >
      <ul data-testid="support-reasons">
        {reasons.map((r) => (
          <li key={r}>{lookup(`relief.reason.${r}`) ?? r}</li>
        ))}
      </ul>
      <h3>{t('relief.page.certificates')}</h3>
      {request.facts.certificates.length === 0 ? (
        <p className="hg-empty">{t('relief.page.noCertificate')}</p>
      ) : (
        <ul>
          {request.facts.certificates.map((c) => (
            <li key={c.enrolmentId} data-testid="support-certificate">
              {tradeName(c.trade)} · {c.certificateNo ?? '—'} · {formatDate(c.completedAt)}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('relief.page.flags')}</h3>
      {request.facts.flags.length === 0 ? (
        <p className="hg-empty">{t('relief.page.noFlag')}</p>
      ) : (
        <ul>
          {request.facts.flags.map((f) => (
            <li key={f.flagId} data-testid={`support-flag-${f.status}`}>
              {f.flag ? (lookup(`relief.flag.${f.flag}`) ?? f.flag) : '—'} ·{' '}
              <Badge tone={f.status === 'valid' ? 'success' : 'neutral'}>{t(`relief.flagStatus.${f.status}`)}</Badge>
              {f.validUntil && ` · ${t('relief.page.validUntil', { date: formatDate(f.validUntil) })}`}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
