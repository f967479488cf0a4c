import { useState } from 'react';

/**
 * Runs one user action at a time with its busy and error state (for a Button's `busy` and an ErrorCard);
 * `done` gets the action's result after success (usually: show it, or reload).
 */
export function useAction<T = unknown>(done: (result: T) => void = () => undefined) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  async function run(work: () => Promise<T>): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    try {
      done(await work());
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
