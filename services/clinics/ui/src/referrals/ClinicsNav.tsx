import { SubNav, useApiQuery, useAuth, useI18n, type SubNavItem } from '@hamgam/ui-kit';
import { pages, type ClinicsPage } from '../roles';
import { useReferralsApi } from './api';
import '../messages';

/**
 * The clinics module's sections, one URL each under the module's base path, each shown only to the roles
 * that may read it (roles.ts). The referrals tab carries the clinic's count of overdue referrals, so it is
 * seen from every page, the clinic's home included.
 */
export function ClinicsNav({ basePath }: { basePath: string }) {
  const { t } = useI18n();
  const api = useReferralsApi();
  const auth = useAuth();
  const reads = (page: ClinicsPage) => auth.hasRole(...pages[page].roles);
  const summary = useApiQuery(['clinics', 'referrals', 'summary', 'all'], () => api.summary(), { enabled: reads('referrals') });
  const overdue = (summary.data ?? []).reduce((sum, clinic) => sum + clinic.overdue, 0);
  const tab = (page: ClinicsPage, label: string, testId: string): SubNavItem[] =>
    reads(page) ? [{ to: `${basePath}/${page}`, label, testId }] : [];
  return (
    <SubNav
      label={t('clinics.nav')}
      items={[
        ...tab('neighbourhoods', t('clinics.nav.priorities'), 'clinics-nav-priorities'),
        ...tab('residents', t('clinics.nav.residents'), 'clinics-nav-residents'),
        ...tab(
          'referrals',
          overdue > 0 ? t('clinics.nav.referralsOverdue', { count: overdue }) : t('clinics.nav.referrals'),
          'clinics-nav-referrals',
        ),
        ...tab('catalogue', t('clinics.nav.catalogue'), 'clinics-nav-catalogue'),
        ...tab('calendar', t('clinics.nav.calendar'), 'clinics-nav-calendar'),
      ]}
    />
  );
}
