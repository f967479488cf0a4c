import { AgencyDesk } from '@hamgam/agency-desk/ui';
import { useI18n, type RemoteAppProps } from '@hamgam/ui-kit';
import './messages';
import { PartnersSection } from './PartnersSection';
import { ProjectsSection } from './ProjectsSection';
import { SupportSection } from './SupportSection';

/**
 * The agency's desk under the shell's route for it: received referrals, then its own sections (support
 * requests, Basij projects, agreements and joint meetings), the service catalogue, commitments, who I am.
 */
export default function App({ basePath }: RemoteAppProps) {
  const { t } = useI18n();
  return (
    <AgencyDesk
      basePath={basePath}
      service="relief-partnerships"
      titleKey="relief-partnerships.title"
      staffRoles={['relief-officer', 'basij-liaison']}
      sections={[
        { path: 'support', label: t('relief.nav.support'), testId: 'relief-nav-support', element: <SupportSection basePath={basePath} /> },
        { path: 'projects', label: t('relief.nav.projects'), testId: 'relief-nav-projects', element: <ProjectsSection /> },
        { path: 'partners', label: t('relief.nav.partners'), testId: 'relief-nav-partners', element: <PartnersSection /> },
      ]}
    />
  );
}
