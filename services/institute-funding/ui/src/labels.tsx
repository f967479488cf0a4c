import { ApiError, Field, ReferencePicker, useApiQuery, useI18n, useProblemSentence, type LocalizedText } from '@hamgam/ui-kit';
import { useFundingApi, type Places, type Trade } from './api';

/** An id or code: left-to-right and unbroken inside right-to-left text. */
export const Code = ({ children, testId }: { children: string; testId?: string }) => (
  <bdi dir="ltr" style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
    {children}
  </bdi>
);

/**
 * The programme's neighbourhoods and trades as the fund's API serves them (the desk's lists), kept five
 * minutes across the module's screens: what the forms pick from and the tables label with.
 */
export function useReferences() {
  const api = useFundingApi();
  return useApiQuery(['institute-funding', 'references'], () => Promise.all([api.places(), api.trades()]), {
    module: 'if',
    staleTime: 300_000,
  });
}

/** Names for the ids this module shows, in the user's language; an id the lists do not name is a dash, never itself. */
export function useLabels() {
  const { t, formatNumber, localize } = useI18n();
  const [places, trades] = useReferences().data ?? [{ neighbourhoods: [], clinics: [] } as Places, [] as Trade[]];
  const named = (list: readonly { id: string; name: LocalizedText }[]) => {
    const names = new Map(list.map((e) => [e.id, e.name]));
    return (id: string) => {
      const name = names.get(id);
      return name ? localize(name) : '—';
    };
  };
  const trade = named(trades.map((tr) => ({ id: tr.tradeId, name: tr.name })));
  return {
    neighbourhood: named(places.neighbourhoods.map((n) => ({ id: n.neighbourhoodId, name: n.name }))),
    trade,
    trades: (ids: readonly string[]) => ids.map(trade).join('، '),
    rials: (amount: number) => t('if.rials', { amount: formatNumber(amount) }),
  };
}

/** Several of a list, ticked (a call's neighbourhoods, an institute's trades): a handful each, all in sight. */
export function CheckList({
  label,
  options,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  options: readonly { value: string; label: string }[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
  testId: string;
}) {
  return (
    <Field label={label} error={error}>
      {() => (
        <div className="hg-form__row" role="group" aria-label={label} data-testid={testId}>
          {options.map((o) => (
            <label key={o.value} className="hg-check">
              <input
                type="checkbox"
                checked={value.includes(o.value)}
                data-testid={`${testId}-${o.value}`}
                onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
              />{' '}
              {o.label}
            </label>
          ))}
        </div>
      )}
    </Field>
  );
}

/** The neighbourhoods and trades as options, labelled in the user's language. */
export function useOptions() {
  const { localize } = useI18n();
  const [places, trades] = useReferences().data ?? [{ neighbourhoods: [], clinics: [] } as Places, [] as Trade[]];
  return {
    neighbourhoods: places.neighbourhoods.map((n) => ({ value: n.neighbourhoodId, label: localize(n.name) })),
    trades: trades.map((tr) => ({ value: tr.tradeId, label: localize(tr.name) })),
  };
}

export function NeighbourhoodPicker(props: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
  testId: string;
}) {
  const { neighbourhoods } = useOptions();
  return (
    <ReferencePicker
      label={props.label}
      value={props.value || null}
      onChange={(id) => props.onChange(id ?? '')}
      options={neighbourhoods}
      error={props.error}
      required
      testId={props.testId}
    />
  );
}

/** The fund's form rules: a field that breaks one says `if.required` under it, in the user's language. */
export function useRules() {
  const { t } = useI18n();
  const required = t('if.required');
  return {
    /** Something chosen (a day, an institute, a neighbourhood). */
    picked: { required },
    /** Text that is not only blanks. */
    filled: { validate: (v: string) => v.trim().length > 0 || required },
    /** At least one ticked. */
    ticked: { validate: (v: readonly string[]) => v.length > 0 || required },
    /** A count above zero, as typed. */
    positive: { validate: (v: string) => Number(v) > 0 || required },
    /** An amount above zero. */
    amount: { validate: (v: number | null) => (v !== null && v > 0) || required },
  };
}

/**
 * A refusal split for a form: the sentence of a problem naming a field goes under that field (a broken
 * rule's `field`, or the first path of a schema error), the rest above the form; both in the user's language.
 */
export function useFieldProblems() {
  const { t } = useI18n();
  const sentence = useProblemSentence('if');
  return (error: unknown): { fields: Record<string, string>; form: unknown } => {
    if (!(error instanceof ApiError)) return { fields: {}, form: error };
    const explained = sentence(error);
    const field = error.problem['field'];
    if (typeof field === 'string' && explained instanceof ApiError)
      return { fields: { [field]: explained.detail ?? t('if.invalidField') }, form: undefined };
    const paths = Array.isArray(error.errors) ? (error.errors as { path?: unknown }[]).map((e) => String(e.path ?? '').split('.')[0]!) : [];
    if (error.status === 400 && paths.length > 0)
      return { fields: Object.fromEntries(paths.map((p) => [p, t('if.invalidField')])), form: undefined };
    return { fields: {}, form: explained };
  };
}
