import { SubNav, useApiQuery, useAuth, useI18n } from '@hamgam/ui-kit';
import { useReferralsApi } from './api';
import '../messages';

/**
 * The clinics module's sections, one URL each under the module's base path. The referrals tab carries
 * the clinic's count of overdue referrals, so it is seen from every page, the clinic's home included.
 */
export function ClinicsNav({ basePath }: { basePath: string }) {
  const { t } = useI18n();
  const api = useReferralsApi();
  const readsReferrals = useAuth().hasRole('clinic-worker', 'coordinator', 'auditor');
  const summary = useApiQuery(['clinics', 'referrals', 'summary', 'all'], () => api.summary(), { enabled: readsReferrals });
  const overdue = (summary.data ?? []).reduce((sum, clinic) => sum + clinic.overdue, 0);
  return (
    <SubNav
      label={t('clinics.nav')}
      items={[
        { to: `${basePath}/neighbourhoods`, label: t('clinics.nav.priorities'), testId: 'clinics-nav-priorities' },
        { to: `${basePath}/residents`, label: t('clinics.nav.residents'), testId: 'clinics-nav-residents' },
        {
          to: `${basePath}/referrals`,
          label: overdue > 0 ? t('clinics.nav.referralsOverdue', { count: overdue }) : t('clinics.nav.referrals'),
          testId: 'clinics-nav-referrals',
        },
        { to: `${basePath}/catalogue`, label: t('clinics.nav.catalogue'), testId: 'clinics-nav-catalogue' },
        { to: `${basePath}/calendar`, label: t('clinics.nav.calendar'), testId: 'clinics-nav-calendar' },
      ]}
    />
  );
}
