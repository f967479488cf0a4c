import { ApiError, mapApiErrors, useApi, useI18n, type ApiClient } from '@hamgam/ui-kit';
import { useMemo } from 'react';
import './messages';

type I18n = ReturnType<typeof useI18n>;

/** The refusal in the user's language when its stable `code` has a sentence (`clinics.problem.<code>`); else as it came. */
function inTheirLanguage(error: unknown, { t, lookup }: I18n): unknown {
  if (!(error instanceof ApiError)) return error;
  const sentence = lookup(`clinics.problem.${String(error.problem.code)}`);
  return sentence === undefined ? error : new ApiError({ ...error.problem, title: t('clinics.problem.title'), detail: sentence });
}

/**
 * The shell's API client whose refusals speak the user's language: the clinics API's titles and details
 * are English, so every screen (each ErrorCard and form) shows the sentence for the problem's code.
 */
export function useClinicsClient(): ApiClient {
  const api = useApi();
  const i18n = useI18n();
  return useMemo(() => mapApiErrors(api, (error) => inTheirLanguage(error, i18n)), [api, i18n]);
}
