import { Badge, useI18n } from '@hamgam/ui-kit';

/** A direct record's resident no clinic referred to TVTO: a short badge, the reason on hover and for screen readers. */
export function UnverifiedBadge({ testId }: { testId: string }) {
  const { t } = useI18n();
  return (
    <span title={t('vt.unverified.why')} aria-label={`${t('vt.unverified')}: ${t('vt.unverified.why')}`}>
      <Badge tone="warning" testId={testId}>
        {t('vt.unverified')}
      </Badge>
    </span>
  );
}

/** Said once under a list that has unverified rows: what the badge means and what to do. */
export function UnverifiedNote({ rows, testId }: { rows: readonly { unverified: boolean }[]; testId: string }) {
  const { t } = useI18n();
  if (!rows.some((r) => r.unverified)) return null;
  return (
    <p className="hg-muted" data-testid={testId}>
      {t('vt.unverified')}: {t('vt.unverified.why')}
    </p>
  );
}
