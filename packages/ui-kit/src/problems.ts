import { ApiError } from './api/ApiError';
import { useI18n } from './i18n/I18nProvider';

/**
 * A refusal as the user reads it: the API's stable `code` picks the module's sentence in their language
 * (`<module>.problem.<code>`, titled `<module>.problem.title`, fa and en in the module's messages.ts),
 * since a service's own title and detail are English. An error without a code, or with one the module has
 * no sentence for, is shown in the service's words.
 */
export function useProblemSentence(module: string) {
  const { t } = useI18n();
  return (error: unknown): unknown => {
    const code = error instanceof ApiError ? error.problem['code'] : undefined;
    if (!(error instanceof ApiError) || typeof code !== 'string') return error;
    const key = `${module}.problem.${code}`;
    const sentence = t(key);
    // A missing message comes back as its key.
    if (sentence === key) return error;
    return new ApiError({ ...error.problem, title: t(`${module}.problem.title`), detail: sentence });
  };
}
