import { useApiMutation } from '@hamgam/ui-kit';
import type { SupportRequestPage } from '../api';

/** One change of a request at a time: its busy state, and its refusal in the officer's language (`relief.problem.<code>`). */
export function useStep(onChange: (page: SupportRequestPage) => void) {
  const step = useApiMutation((action: () => Promise<SupportRequestPage>) => action(), { module: 'relief', onSuccess: onChange });
  return { error: step.error ?? undefined, busy: step.busy, run: step.run };
}
