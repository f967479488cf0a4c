import { SubNav, useI18n } from '@hamgam/ui-kit';
import './messages';
import '../residents/messages';

/** The clinics module's sections, one URL each under the module's base path. */
export function ClinicsNav({ basePath }: { basePath: string }) {
  const { t } = useI18n();
  return (
    <SubNav
      label={t('clinics.nav')}
      items={[
        { to: `${basePath}/neighbourhoods`, label: t('clinics.nav.priorities'), testId: 'clinics-nav-priorities' },
        { to: `${basePath}/residents`, label: t('clinics.nav.residents'), testId: 'clinics-nav-residents' },
        { to: `${basePath}/referrals`, label: t('clinics.nav.referrals'), testId: 'clinics-nav-referrals' },
        { to: `${basePath}/catalogue`, label: t('clinics.nav.catalogue'), testId: 'clinics-nav-catalogue' },
        { to: `${basePath}/calendar`, label: t('clinics.nav.calendar'), testId: 'clinics-nav-calendar' },
      ]}
    />
  );
}
