import { mapApiErrors, useApi, useProblemSentence, type ApiClient } from '@hamgam/ui-kit';
import { useMemo } from 'react';
import './messages';

/**
 * The shell's API client whose refusals speak the user's language: the clinics API's titles and details
 * are English, so every screen (each ErrorCard and form) shows the sentence for the problem's code
 * (`clinics.problem.<code>`), else the refusal as it came.
 */
export function useClinicsClient(): ApiClient {
  const api = useApi();
  const explain = useProblemSentence('clinics');
  return useMemo(() => mapApiErrors(api, explain), [api, explain]);
}
