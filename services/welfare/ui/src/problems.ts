import { ApiError, useI18n } from '@hamgam/ui-kit';
import { messages } from './messages';

/**
 * A refusal as the case worker reads it: the API's stable `code` picks the sentence in their language
 * (`welfare.problem.<code>` in messages.ts), since the service's own title and detail are English. A
 * code without a sentence here keeps the service's words.
 */
export function useProblemSentence() {
  const { t } = useI18n();
  return (error: unknown): unknown => {
    const key = error instanceof ApiError ? `welfare.problem.${String(error.problem.code)}` : undefined;
    if (!(error instanceof ApiError) || key === undefined || !(key in messages.en)) return error;
    return new ApiError({ ...error.problem, title: t('welfare.problem.title'), detail: t(key) });
  };
}
