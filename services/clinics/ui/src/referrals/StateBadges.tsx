import { Badge, useI18n, type BadgeTone } from '@hamgam/ui-kit';
import type { ReferralState } from './api';

const tones: Record<ReferralState, BadgeTone> = {
  sent: 'info',
  accepted: 'success',
  declined: 'warning',
  completed: 'neutral',
  withdrawn: 'neutral',
};

/** A referral's state word, and the overdue flag beside it when it is late. */
export function StateBadges({ state, overdue, testId }: { state: ReferralState; overdue: boolean; testId?: string }) {
  const { t } = useI18n();
  return (
    <span style={{ display: 'inline-flex', gap: '0.3rem', flexWrap: 'wrap' }}>
      <Badge tone={tones[state]} testId={testId ? `${testId}-state` : undefined}>
        {t(`referrals.state.${state}`)}
      </Badge>
      {overdue && (
        <Badge tone="danger" testId={testId ? `${testId}-overdue` : undefined}>
          {t('referrals.overdue')}
        </Badge>
      )}
    </span>
  );
}
