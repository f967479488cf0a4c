import type { SupportRequestPage } from '../api';
import { useRoles } from '../common';
import { DecideCard } from './DecideCard';
import { DisburseCard } from './DisburseCard';

/** What an officer can do with the request now: decide it while undecided, disburse it once approved. */
export function Actions({ request, onChange }: { request: SupportRequestPage; onChange: (p: SupportRequestPage) => void }) {
  const roles = useRoles();
  if (!roles.relief) return null;
  if (request.state === 'submitted' || request.state === 'eligible' || request.state === 'ineligible')
    return <DecideCard request={request} onChange={onChange} />;
  if (request.state === 'approved') return <DisburseCard request={request} onChange={onChange} />;
  return null;
}
