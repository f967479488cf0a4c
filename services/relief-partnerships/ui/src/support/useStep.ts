import { useProblemSentence } from '@hamgam/ui-kit';
import { useState } from 'react';
import type { SupportRequestPage } from '../api';

/** One change of a request at a time: its busy state, and its refusal in the officer's language (`relief.problem.<code>`). */
export function useStep(onChange: (page: SupportRequestPage) => void) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const sentence = useProblemSentence('relief');
  const run = async (action: () => Promise<SupportRequestPage>) => {
    setBusy(true);
    setError(undefined);
    try {
      onChange(await action());
    } catch (e) {
      setError(sentence(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}
