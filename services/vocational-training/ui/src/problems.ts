import { useApiMutation, useFieldProblem, useProblemSentence } from '@hamgam/ui-kit';

/**
 * A command through the kit's useApiMutation (`run(() => api.…)`), its refusal shown by its code in the
 * staff's language (`vt.problem.<code>`): `at(field)` is the sentence for the input a refusal names (its
 * `field`), `rest(fields)` what is left for the form's card (nothing when it sits under one of the form's
 * fields). The command runs after the event that started it: read an input's value before calling `run`.
 */
export function useTvtoAction<T = unknown>(done?: (result: T) => void) {
  const action = useApiMutation((work: () => Promise<T>) => work(), { onSuccess: done });
  const sentence = useProblemSentence('vt');
  const fields = useFieldProblem('vt');
  return {
    busy: action.busy,
    run: action.run,
    error: sentence(action.error ?? undefined),
    at: (field: string) => fields.of(action.error, field),
    rest: (formFields: readonly string[]) => fields.rest(action.error, formFields),
  };
}
