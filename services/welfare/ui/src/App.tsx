import { AgencyDesk, type DeskSection } from '@hamgam/agency-desk/ui';
import { useAuth, useI18n, type RemoteAppProps } from '@hamgam/ui-kit';
import { CasesSection } from './CasesSection';
import './messages';
import { SummarySection } from './SummarySection';

/**
 * Welfare's module: its case workers' own caseload and cases, the casework in numbers (all readers), and
 * the agency desk (received referrals, service catalogue, commitments, who I am).
 */
export default function App({ basePath }: RemoteAppProps) {
  const { t } = useI18n();
  const auth = useAuth();
  const sections: DeskSection[] = [
    ...(auth.hasRole('welfare-officer')
      ? [
          {
            path: 'cases',
            label: t('welfare.nav.cases'),
            testId: 'welfare-nav-cases',
            element: <CasesSection base={`${basePath}/cases`} />,
          },
        ]
      : []),
    { path: 'summary', label: t('welfare.nav.summary'), testId: 'welfare-nav-summary', element: <SummarySection /> },
  ];
  return <AgencyDesk basePath={basePath} service="welfare" titleKey="welfare.title" staffRoles={['welfare-officer']} sections={sections} />;
}
