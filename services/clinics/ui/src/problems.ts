import { ApiError, mapApiErrors, useApi, useI18n, type ApiClient } from '@hamgam/ui-kit';
import { useMemo } from 'react';
import { messages } from './messages';

type Translate = (key: string) => string;

/** The refusal in the user's language when its stable `code` has a sentence (`clinics.problem.<code>`); else as it came. */
function inTheirLanguage(error: unknown, t: Translate): unknown {
  if (!(error instanceof ApiError)) return error;
  const key = `clinics.problem.${String(error.problem.code)}`;
  return key in messages.en ? new ApiError({ ...error.problem, title: t('clinics.problem.title'), detail: t(key) }) : error;
}

/**
 * The shell's API client whose refusals speak the user's language: the clinics API's titles and details
 * are English, so every screen (each ErrorCard and form) shows the sentence for the problem's code.
 */
export function useClinicsClient(): ApiClient {
  const api = useApi();
  const { t } = useI18n();
  return useMemo(() => mapApiErrors(api, (error) => inTheirLanguage(error, t)), [api, t]);
}
