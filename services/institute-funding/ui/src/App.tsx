import { AgencyDesk } from '@hamgam/agency-desk/ui';
import { useI18n, type RemoteAppProps } from '@hamgam/ui-kit';
import './messages';
import { AwardsSection } from './sections/AwardsSection';
import { CallsSection } from './sections/CallsSection';
import { FlagsSection } from './sections/FlagsSection';
import { InstitutesSection } from './sections/InstitutesSection';
import { LedgerSection } from './sections/LedgerSection';

/**
 * The office's module under the shell's route for it: the shared desk (referrals, catalogue, commitments)
 * and its own sections — institutes, calls and applications, awards and their tranches, the ledger, and
 * the duplicate-benefit flags.
 */
export default function App({ basePath }: RemoteAppProps) {
  const { t } = useI18n();
  const sections = [
    { path: 'awards', label: t('if.nav.awards'), testId: 'if-nav-awards', element: <AwardsSection /> },
    { path: 'calls', label: t('if.nav.calls'), testId: 'if-nav-calls', element: <CallsSection /> },
    { path: 'institutes', label: t('if.nav.institutes'), testId: 'if-nav-institutes', element: <InstitutesSection /> },
    { path: 'ledger', label: t('if.nav.ledger'), testId: 'if-nav-ledger', element: <LedgerSection /> },
    { path: 'duplicates', label: t('if.nav.flags'), testId: 'if-nav-flags', element: <FlagsSection /> },
  ];
  return (
    <AgencyDesk
      basePath={basePath}
      service="institute-funding"
      titleKey="institute-funding.title"
      staffRoles={['fund-officer']}
      sections={sections}
    />
  );
}
