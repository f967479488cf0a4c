import { Badge, Card, Code, useI18n } from '@hamgam/ui-kit';
import type { CaseView } from '../api';
import { LevelBadge, StateBadge, useNeighbourhoodName } from '../parts';

/** The case's facts: its file number (never the household's id), neighbourhood, state, level, opening, referral, closure and why it was reopened. */
export function CaseFacts({ c }: { c: CaseView }) {
  const { t, lookup, formatDate } = useI18n();
  const nameOf = useNeighbourhoodName();
  return (
    <Card title={t('welfare.case.title')} testId="welfare-case">
      <dl className="hg-dl">
        <dt>{t('welfare.case.file')}</dt>
        <dd>
          <Code testId="welfare-case-file">{c.fileNumber}</Code>{' '}
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
              {c.referral.trackingCode && <Code>{c.referral.trackingCode}</Code>}{' '}
              {lookup(`welfare.referral.${c.referral.state}`) ?? c.referral.state}
              {c.referral.outcome && ` (${lookup(`welfare.outcome.${c.referral.outcome}`) ?? c.referral.outcome})`}
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
  );
}
