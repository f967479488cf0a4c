import { useAction, useProblemSentence } from '@hamgam/ui-kit';

/** The kit's useAction, its refusal shown by its code in the staff's language (`vt.problem.<code>`, messages.ts). */
export function useTvtoAction<T = unknown>(done?: (result: T) => void) {
  const action = useAction<T>(done);
  const sentence = useProblemSentence('vt');
  return { ...action, error: sentence(action.error) };
}
