import { useAction, useProblemSentence } from '@hamgam/ui-kit';
import type { CaseView } from '../api';

/** Runs one change of the case and shows the case as the API answers it (or the refusal, in the worker's language). */
export function useChange(setCase: (c: CaseView) => void) {
  const action = useAction<CaseView>(setCase);
  const sentence = useProblemSentence('welfare');
  return { ...action, error: sentence(action.error) };
}

/** What every card of the case page gets: the case, and how to show it as a change answered it. */
export interface PartProps {
  c: CaseView;
  setCase: (c: CaseView) => void;
}
