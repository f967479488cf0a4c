import { AgencyDesk } from '@hamgam/agency-desk/ui';
import type { RemoteAppProps } from '@hamgam/ui-kit';
import './messages';

/** The agency's desk under the shell's route for it: received referrals, service catalogue, commitments, who I am. */
export default function App({ basePath }: RemoteAppProps) {
  return <AgencyDesk basePath={basePath} service="welfare" titleKey="welfare.title" staffRoles={['welfare-officer']} />;
}
