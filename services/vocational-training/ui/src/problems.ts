import { useAction, useFieldProblem, useProblemSentence } from '@hamgam/ui-kit';

/**
 * The kit's useAction, its refusal shown by its code in the staff's language (`vt.problem.<code>`): `at(field)`
 * is the sentence for the input a refusal names (its `field`), `rest(fields)` what is left for the form's
 * card (nothing when the refusal sits under one of the form's fields).
 */
export function useTvtoAction<T = unknown>(done?: (result: T) => void) {
  const action = useAction<T>(done);
  const sentence = useProblemSentence('vt');
  const fields = useFieldProblem('vt');
  return {
    ...action,
    error: sentence(action.error),
    at: (field: string) => fields.of(action.error, field),
    rest: (formFields: readonly string[]) => fields.rest(action.error, formFields),
  };
}
