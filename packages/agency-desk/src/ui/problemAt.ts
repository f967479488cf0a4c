import { ApiError } from '@hamgam/ui-kit';

/**
 * Splits a (translated) refusal by where to say it: under the field the API named (`field` of a 422, or
 * the first `errors[].path` of a 400), or, naming another field or none, above the form.
 */
export function problemAt(error: unknown, field: string): { atField: string | undefined; elsewhere: unknown } {
  if (!error) return { atField: undefined, elsewhere: null };
  if (error instanceof ApiError) {
    const named = error.problem['field'] ?? (error.problem.errors as { path?: string }[] | undefined)?.[0]?.path;
    if (named === field) return { atField: error.detail ?? error.title, elsewhere: null };
  }
  return { atField: undefined, elsewhere: error };
}
