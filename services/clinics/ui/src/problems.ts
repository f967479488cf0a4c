import { ApiError, useApi, useI18n, type ApiClient } from '@hamgam/ui-kit';
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
  return useMemo(() => {
    const explained = <T>(call: Promise<T>) => call.catch((error: unknown) => Promise.reject(inTheirLanguage(error, t)));
    return {
      get: <T>(path: string) => explained(api.get<T>(path)),
      list: <T>(path: string, options?: { maxPages?: number }) => explained(api.list<T>(path, options)),
      page: <T>(path: string, after?: string | null) => explained(api.page<T>(path, after)),
      post: <T>(path: string, body?: unknown) => explained(api.post<T>(path, body)),
      put: <T>(path: string, body?: unknown) => explained(api.put<T>(path, body)),
      del: <T = void>(path: string) => explained(api.del<T>(path)),
    };
  }, [api, t]);
}
