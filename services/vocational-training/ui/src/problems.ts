import { ApiError, useAction, useI18n } from '@hamgam/ui-kit';
import { messages } from './messages';

/**
 * A refusal as staff read it: the API's stable `code` picks the sentence in their language
 * (`vt.problem.<code>` in messages.ts), since the service's own title and detail are English. A code
 * without a sentence here keeps the service's words.
 */
export function useProblemSentence() {
  const { t } = useI18n();
  return (error: unknown): unknown => {
    const key = error instanceof ApiError ? `vt.problem.${String(error.problem['code'])}` : undefined;
    if (!(error instanceof ApiError) || key === undefined || !(key in messages.en)) return error;
    return new ApiError({ ...error.problem, title: t('vt.problem.title'), detail: t(key) });
  };
}

/** The kit's useAction, its refusal shown in the staff's language. */
export function useTvtoAction<T = unknown>(done?: (result: T) => void) {
  const action = useAction<T>(done);
  const sentence = useProblemSentence();
  return { ...action, error: sentence(action.error) };
}
