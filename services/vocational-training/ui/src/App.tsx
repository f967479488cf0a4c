import { AgencyDesk } from '@hamgam/agency-desk/ui';
import { useI18n, type RemoteAppProps } from '@hamgam/ui-kit';
import { ApprenticeshipsSection } from './ApprenticeshipsSection';
import { CounsellingSection } from './CounsellingSection';
import { CoursesSection } from './CoursesSection';
import './messages';
import { PermitsSection } from './PermitsSection';

/** The agency's module under the shell's route for it: the shared desk plus TVTO's own sections. */
export default function App({ basePath }: RemoteAppProps) {
  const { t } = useI18n();
  return (
    <AgencyDesk
      basePath={basePath}
      service="vocational-training"
      titleKey="vocational-training.title"
      staffRoles={['tvto-staff']}
      sections={[
        { path: 'courses', label: t('vt.nav.courses'), testId: 'vt-nav-courses', element: <CoursesSection /> },
        { path: 'permits', label: t('vt.nav.permits'), testId: 'vt-nav-permits', element: <PermitsSection /> },
        { path: 'counselling', label: t('vt.nav.counselling'), testId: 'vt-nav-counselling', element: <CounsellingSection /> },
        {
          path: 'apprenticeships',
          label: t('vt.nav.apprenticeships'),
          testId: 'vt-nav-apprenticeships',
          element: <ApprenticeshipsSection />,
        },
      ]}
    />
  );
}
