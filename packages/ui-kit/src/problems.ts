import { useCallback } from 'react';
import { ApiError } from './api/ApiError';
import { useI18n } from './i18n/I18nProvider';
import { problemText } from './problemText';

/**
 * A refusal as the user reads it: the API's stable `code` picks the module's sentence in their language
 * (`<module>.problem.<code>`, titled `<module>.problem.title`, fa and en in the module's messages.ts),
 * since a service's own title and detail are English. An error without a code, or with one the module has
 * no sentence for, is shown in the service's words.
 */
export function useProblemSentence(module: string) {
  const { lookup } = useI18n();
  // The same function while the language stays, so a client mapped through it (mapApiErrors) can be memoised.
  return useCallback(
    (error: unknown): unknown => {
      const code = error instanceof ApiError ? error.problem['code'] : undefined;
      if (!(error instanceof ApiError) || typeof code !== 'string') return error;
      const sentence = lookup(`${module}.problem.${code}`);
      if (sentence === undefined) return error;
      return new ApiError({ ...error.problem, title: lookup(`${module}.problem.title`) ?? error.problem.title, detail: sentence });
    },
    [lookup, module],
  );
}

/** The input a refusal names (a BrokenRuleError's `field`), if any. */
export function problemField(error: unknown): string | undefined {
  const field = error instanceof ApiError ? error.problem['field'] : undefined;
  return typeof field === 'string' ? field : undefined;
}

/**
 * Puts a refusal next to the field at fault: `of(error, 'completeBy')` is the module's sentence when the
 * problem names that field (for the field's `error` prop), and `rest(error, fields)` is the error for the
 * form's own error card unless it names one of the form's `fields` (so it is not shown twice).
 */
export function useFieldProblem(module: string) {
  const explain = useProblemSentence(module);
  const { t, locale } = useI18n();
  return {
    of(error: unknown, field: string): string | undefined {
      if (problemField(error) !== field) return undefined;
      const text = problemText(explain(error), locale, t);
      return text.detail ?? text.title;
    },
    rest(error: unknown, fields: readonly string[]): unknown {
      const field = problemField(error);
      return field !== undefined && fields.includes(field) ? undefined : explain(error);
    },
  };
}
