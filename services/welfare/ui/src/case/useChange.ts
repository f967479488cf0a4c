import { useApiMutation } from '@hamgam/ui-kit';
import type { CaseView } from '../api';

/**
 * Runs one change of the case and shows the case as the API answers it (or the refusal, in the worker's
 * language: its code's sentence, which `useFieldProblem` can also put under the field it names).
 */
export function useChange(setCase: (c: CaseView) => void) {
  const change = useApiMutation((work: () => Promise<CaseView>) => work(), { module: 'welfare', onSuccess: setCase });
  return { busy: change.busy, run: change.run, error: change.error ?? undefined };
}

/** What every card of the case page gets: the case, and how to show it as a change answered it. */
export interface PartProps {
  c: CaseView;
  setCase: (c: CaseView) => void;
}
