import { ApiError } from './api/ApiError';
import type { Locale } from './i18n/format';
import type { MessageKey } from './i18n/messages';

const latin = /[A-Za-z]/;

/** The kit's sentence for a refusal the module has none for, by what kind of answer it is. */
function kindOf(status: number): MessageKey {
  if (status === 400) return 'problem.invalid';
  if (status === 401) return 'problem.signedOut';
  if (status === 403) return 'problem.forbidden';
  if (status === 404) return 'problem.notFound';
  if (status === 409) return 'problem.conflict';
  if (status === 422) return 'problem.rule';
  if (status === 429 || status === 503) return 'problem.busy';
  return 'problem.server';
}

export interface ProblemText {
  title: string;
  detail?: string;
  /** Field errors of a validation answer, each «field: message». */
  lines: string[];
}

/** Field errors as the services send them: `[{ path, message }]`, or anything else printable. */
function errorLines(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  return errors.map((item: unknown) => {
    if (typeof item === 'object' && item !== null && 'message' in item) {
      const { path, message } = item as { path?: unknown; message?: unknown };
      const where = Array.isArray(path) ? path.join('.') : path;
      return where ? `${String(where)}: ${String(message)}` : String(message);
    }
    return String(item);
  });
}

/**
 * What the user reads of an error. A module's sentence (useProblemSentence) is shown as it is; in Persian,
 * words a service or the browser wrote in English (an untranslated code, a schema error, "Failed to fetch")
 * give way to the kit's sentence for that kind of answer, since a person in fa must never meet English.
 * In English the service's own words stay, being more precise.
 */
export function problemText(error: unknown, locale: Locale, t: (key: MessageKey) => string): ProblemText {
  const foreign = (text: string | undefined) => locale === 'fa' && text !== undefined && latin.test(text);
  if (error instanceof ApiError) {
    const lines = errorLines(error.errors).filter((line) => !foreign(line));
    if (!foreign(error.title) && !foreign(error.detail)) return { title: error.title, detail: error.detail, lines };
    const title = foreign(error.title) ? t('common.error') : error.title;
    const detail = foreign(error.detail) || error.detail === undefined ? t(kindOf(error.status)) : error.detail;
    return { title, detail, lines };
  }
  const message = error instanceof Error ? error.message : undefined;
  // fetch() fails with a TypeError when the network or the server cannot be reached.
  if (foreign(message))
    return { title: t('common.error'), detail: t(error instanceof TypeError ? 'problem.network' : 'problem.unexpected'), lines: [] };
  return { title: t('common.error'), detail: message, lines: [] };
}
