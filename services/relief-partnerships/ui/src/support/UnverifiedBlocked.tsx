import { useI18n } from '@hamgam/ui-kit';
import type { SupportRequestPage } from '../api';

/** No money to refs no clinic referred to relief: why approving or paying waits (the server refuses it too, 409 refs-unverified). */
export function UnverifiedBlocked({ request }: { request: SupportRequestPage }) {
  const { t } = useI18n();
  if (!request.unverified) return null;
  return (
    <p className="hg-field__error" data-testid="support-unverified-blocked">
      {t('relief.unverified.blocked')}
    </p>
  );
}
