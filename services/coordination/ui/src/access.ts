import { useAuth } from '@hamgam/ui-kit';
import { roles } from './roles';

export interface CoordinationAccess {
  canWrite: boolean;
  readsMeetings: boolean;
  /**
   * The people's representative, watching what is promised to their neighbourhood: they read (priorities,
   * commitments, meetings' outcomes) and change nothing; their own page comes first.
   */
  isRepresentative: boolean;
}

export function useAccess(): CoordinationAccess {
  const auth = useAuth();
  return {
    canWrite: auth.hasRole(...roles.writers),
    readsMeetings: auth.hasRole(...roles.meetingReaders),
    isRepresentative: auth.hasRole('representative') && !auth.hasRole('coordinator', 'auditor'),
  };
}
